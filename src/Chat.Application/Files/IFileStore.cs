namespace Chat.Application.Files;

/// <summary>Keeps file bytes under random keys (local disk by default, a shared store in production).</summary>
public interface IFileStore
{
    /// <summary>
    /// Stores the stream under a new random key, refusing to read past <paramref name="maxBytes"/>; returns the key,
    /// the size and the SHA-256, or null when the stream was larger (nothing is kept then).
    /// </summary>
    Task<StoredBlob?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The bytes stored under the key, or null when there are none.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the bytes; removing twice changes nothing.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every key stored, with when its bytes were written.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(CancellationToken cancellationToken);
}

public sealed record StoredObject(string Key, DateTimeOffset WrittenAt);

/// <param name="Sha256">Lowercase hex.</param>
public sealed record StoredBlob(string Key, long Size, string Sha256);
