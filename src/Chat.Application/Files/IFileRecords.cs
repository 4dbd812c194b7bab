using Chat.Domain.Common;
using Chat.Domain.Files;

namespace Chat.Application.Files;

/// <summary>The database's record of shared files: the source of truth for every file's scan status.</summary>
public interface IFileRecords
{
    Task AddAsync(StoredFile file, CancellationToken cancellationToken);

    Task<StoredFile?> FindAsync(Guid fileId, CancellationToken cancellationToken);

    /// <summary>Loads the file, applies <paramref name="change"/> and stores it when it succeeded.</summary>
    Task<Result<StoredFile>> ChangeAsync(Guid fileId, Func<StoredFile, Result> change, CancellationToken cancellationToken);

    /// <summary>Files still waiting for a scan verdict, oldest first, that were uploaded before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<Guid>> ListPendingAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>Marks the files shared with a message deleted and returns them, so their bytes can be removed.</summary>
    Task<IReadOnlyList<StoredFile>> DeleteSharedWithAsync(Guid messageId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Uploads never shared with a message that were made before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<StoredFile>> ListAbandonedAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>Removes the record itself (an abandoned upload: nobody ever saw it).</summary>
    Task RemoveAsync(Guid fileId, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="keys"/> that a file not deleted still stores its bytes or thumbnail under.</summary>
    Task<IReadOnlySet<string>> FindKeysInUseAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>A channel's shared files (not deleted), newest first, optionally of one kind, before a cursor.</summary>
    Task<IReadOnlyList<SharedFile>> ListSharedInAsync(Guid channelId, FileKind? kind, DateTimeOffset? before, int limit, CancellationToken cancellationToken);
}

/// <summary>A file with the place of the message it was shared with.</summary>
public sealed record SharedFile(StoredFile File, long MessageSequence);
