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

    public Task<IReadOnlyList<StoredFile>> DeleteSharedWithAsync(Guid messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var shared = Files.Where(f => f.MessageId == messageId && f.DeletedAt is null).ToList();
        shared.ForEach(f => f.Delete(at));
        return Task.FromResult<IReadOnlyList<StoredFile>>(shared);
    }

    public Task<IReadOnlyList<StoredFile>> ListAbandonedAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredFile>>([.. Files.Where(f => f.MessageId is null && f.CreatedAt < before).Take(limit)]);

    public Task RemoveAsync(Guid fileId, CancellationToken cancellationToken)
    {
        Files.RemoveAll(f => f.Id == fileId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<string>> FindKeysInUseAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(
            Files.Where(f => f.DeletedAt is null).SelectMany(f => f.StorageKeys).Where(keys.Contains).ToHashSet());

    /// <summary>Message sequences by message id, for the files panel's jump links.</summary>
    public Dictionary<Guid, long> Sequences { get; } = [];

    public Task<IReadOnlyList<SharedFile>> ListSharedInAsync(
        Guid channelId, FileKind? kind, DateTimeOffset? before, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SharedFile>>([.. Files
            .Where(f => f.ChannelId == channelId && f.MessageId is not null && f.DeletedAt is null)
            .Where(f => kind is null || FileKinds.Of(f.ContentType) == kind)
            .Where(f => before is null || f.CreatedAt < before)
            .OrderByDescending(f => f.CreatedAt).Take(limit)
            .Select(f => new SharedFile(f, Sequences.GetValueOrDefault(f.MessageId!.Value)))]);
}
