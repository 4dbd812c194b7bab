using Chat.Application.Files;
using Chat.Domain.Common;
using Chat.Domain.Files;

namespace Chat.Web.Tests.Support;

/// <summary>File records for component tests.</summary>
public sealed class InMemoryFileRecords : IFileRecords
{
    public List<StoredFile> Files { get; } = [];

    public Task AddAsync(StoredFile file, CancellationToken cancellationToken)
    {
        Files.Add(file);
        return Task.CompletedTask;
    }

    public Task<StoredFile?> FindAsync(Guid fileId, CancellationToken cancellationToken) =>
        Task.FromResult(Files.FirstOrDefault(f => f.Id == fileId));

    public Task<Result<StoredFile>> ChangeAsync(Guid fileId, Func<StoredFile, Result> change, CancellationToken cancellationToken)
    {
        var file = Files.Single(f => f.Id == fileId);
        var changed = change(file);
        return Task.FromResult(changed.Succeeded ? Result<StoredFile>.Success(file) : changed.Error!);
    }

    public Task<IReadOnlyList<Guid>> ListPendingAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Guid>>([.. Files.Where(f => f.ScanStatus == ScanStatus.Pending).Select(f => f.Id).Take(limit)]);
}
