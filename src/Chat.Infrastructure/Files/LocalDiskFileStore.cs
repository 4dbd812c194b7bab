using System.Security.Cryptography;
using Chat.Application.Files;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Files;

/// <summary>
/// File bytes on local disk under <c>{DataPath}/files</c>, each under a random 32-hex-digit name in a two-level
/// fan-out, never a user's name. Writes go to a temporary file first, so a half-written upload never looks stored.
/// </summary>
internal sealed class LocalDiskFileStore(IOptions<StorageOptions> storage, IHostEnvironment environment) : IFileStore
{
    private readonly string _root = Path.Combine(storage.Value.ResolveDataPath(environment), "files");

    public async Task<StoredBlob?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        try
        {
            long size;
            byte[] hash;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                size = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        return null;
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                hash = sha.GetHashAndReset();
            }

            File.Move(temporary, path);
            return new StoredBlob(key, size, Convert.ToHexStringLower(hash));
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<StoredObject> ListAsync(CancellationToken cancellationToken) =>
        (Directory.Exists(_root) ? Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories) : [])
            .Where(path => IsKey(Path.GetFileName(path)))
            .Select(path => new StoredObject(Path.GetFileName(path), File.GetLastWriteTimeUtc(path)))
            .ToAsyncEnumerable();

    private static bool IsKey(string name) => name.Length == 32 && name.All(char.IsAsciiHexDigitLower);

    // Keys are ours (hex), so they cannot climb out of the root; the check guards against a corrupted row anyway.
    private string PathOf(string key)
    {
        if (!IsKey(key))
        {
            throw new ArgumentException("Not a file store key.", nameof(key));
        }

        return Path.Combine(_root, key[..2], key);
    }
}
