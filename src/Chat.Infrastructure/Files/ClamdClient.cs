using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Chat.Application.Files;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Files;

/// <summary>
/// A small client for clamd's INSTREAM protocol over TCP: <c>zINSTREAM\0</c>, chunks of
/// [big-endian length][bytes], a zero-length chunk, then one NUL-terminated reply.
/// </summary>
internal sealed partial class ClamdClient(IOptions<ClamAvOptions> options, ILogger<ClamdClient> logger) : IVirusScanner
{
    private const int MaxReplyBytes = 4096;

    public async Task<ScanVerdict> ScanAsync(Stream content, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(settings.Host, settings.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);
            await SendChunksAsync(stream, content, settings.ChunkBytes, timeout.Token);
            return Interpret(await ReadReplyAsync(stream, timeout.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unavailable($"clamd did not answer within {settings.TimeoutSeconds} s");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return Unavailable($"clamd at {settings.Host}:{settings.Port} is not reachable: {e.Message}");
        }
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Min(settings.TimeoutSeconds, 5)));
        try
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(settings.Host, settings.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("zPING\0"u8.ToArray(), timeout.Token);
            return await ReadReplyAsync(stream, timeout.Token) == "PONG";
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Streams the content in chunks. When clamd hits its size limit it answers and closes the socket, so a write
    /// failing part-way is not an error yet: the reply tells what happened.
    /// </summary>
    private static async Task SendChunksAsync(NetworkStream stream, Stream content, int chunkBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes + 4);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(4, chunkBytes), cancellationToken)) > 0)
            {
                BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)read);
                await stream.WriteAsync(buffer.AsMemory(0, read + 4), cancellationToken);
            }

            BinaryPrimitives.WriteUInt32BigEndian(buffer, 0);
            await stream.WriteAsync(buffer.AsMemory(0, 4), cancellationToken);
        }
        catch (IOException)
        {
            // clamd stopped reading (size limit); its reply is waiting.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string> ReadReplyAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var reply = new List<byte>();
        var buffer = new byte[256];
        while (reply.Count < MaxReplyBytes)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            reply.AddRange(buffer.AsSpan(0, end < 0 ? read : end));
            if (end >= 0)
            {
                break;
            }
        }

        return Encoding.UTF8.GetString([.. reply]).Trim();
    }

    private ScanVerdict Interpret(string reply)
    {
        // "stream: OK", "stream: <Signature> FOUND", "INSTREAM size limit exceeded. ERROR", "<reason> ERROR".
        if (reply == "stream: OK")
        {
            return ScanVerdict.Clean;
        }

        if (reply.StartsWith("stream: ", StringComparison.Ordinal) && reply.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            return new ScanVerdict(ScanOutcome.Infected, reply["stream: ".Length..^" FOUND".Length]);
        }

        LogRefused(reply);
        return reply.Length == 0
            ? Unavailable("clamd closed the connection without an answer")
            : new ScanVerdict(ScanOutcome.Refused, reply.Contains("size limit", StringComparison.OrdinalIgnoreCase)
                ? "The file is larger than the virus scanner accepts."
                : $"The virus scanner could not scan the file: {reply}");
    }

    private ScanVerdict Unavailable(string reason)
    {
        LogUnavailable(reason);
        return new ScanVerdict(ScanOutcome.Unavailable, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "clamd refused a scan: {Reply}")]
    private partial void LogRefused(string reply);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Virus scanning unavailable: {Reason}")]
    private partial void LogUnavailable(string reason);
}
