namespace Chat.Application.Files;

/// <summary>The workspace's limits for shared files.</summary>
public interface IFileLimits
{
    /// <summary>The largest file accepted, in bytes (default 25 MB).</summary>
    long MaxBytes { get; }

    /// <summary>The extensions the workspace accepts, a subset of the built-in allow-list; null for all of it.</summary>
    IReadOnlySet<string>? AllowedExtensions { get; }
}
