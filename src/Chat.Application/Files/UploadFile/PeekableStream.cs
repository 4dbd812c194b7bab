namespace Chat.Application.Files.UploadFile;

/// <summary>A read-only stream whose first bytes can be looked at before it is read from the start.</summary>
internal sealed class PeekableStream(Stream inner) : Stream
{
    private byte[] _head = [];
    private int _headPosition;

    public async Task<byte[]> PeekAsync(int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var filled = 0;
        int read;
        while (filled < count && (read = await inner.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        _head = buffer[..filled];
        return _head;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_headPosition < _head.Length)
        {
            var count = Math.Min(buffer.Length, _head.Length - _headPosition);
            _head.AsMemory(_headPosition, count).CopyTo(buffer);
            _headPosition += count;
            return count;
        }

        return await inner.ReadAsync(buffer, cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
