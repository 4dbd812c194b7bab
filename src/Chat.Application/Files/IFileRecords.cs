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
}
