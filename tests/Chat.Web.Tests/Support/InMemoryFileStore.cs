using System.Security.Cryptography;
using Chat.Application.Files;

namespace Chat.Web.Tests.Support;

/// <summary>File bytes in a dictionary, for component tests.</summary>
public sealed class InMemoryFileStore : IFileStore
{
    public Dictionary<string, byte[]> Objects { get; } = [];

    public async Task<StoredBlob?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        if (copy.Length > maxBytes)
        {
            return null;
        }

        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Objects[key] = copy.ToArray();
        return new StoredBlob(key, copy.Length, Convert.ToHexStringLower(SHA256.HashData(Objects[key])));
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(Objects.TryGetValue(key, out var bytes) ? new MemoryStream(bytes) : null);

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        Objects.Remove(key);
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<StoredObject> ListAsync(CancellationToken cancellationToken) =>
        Objects.Keys.Select(key => new StoredObject(key, DateTimeOffset.UnixEpoch)).ToAsyncEnumerable();
}
