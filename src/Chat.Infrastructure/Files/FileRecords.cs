using Chat.Application.Files;
using Chat.Domain.Common;
using Chat.Domain.Files;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Files;

internal sealed class FileRecords(IDbContextFactory<ChatDbContext> contexts) : IFileRecords
{
    public async Task AddAsync(StoredFile file, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Files.Add(file);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<StoredFile?> FindAsync(Guid fileId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
    }

    public async Task<Result<StoredFile>> ChangeAsync(Guid fileId, Func<StoredFile, Result> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var file = await db.Files.SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is null)
        {
            return Error.NotFound("file.not_found", "That file does not exist or you do not have access to it.");
        }

        var changed = change(file);
        if (!changed.Succeeded)
        {
            return changed.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    public async Task<IReadOnlyList<Guid>> ListPendingAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Files.Where(f => f.ScanStatus == ScanStatus.Pending && f.CreatedAt < before)
            .OrderBy(f => f.CreatedAt).Select(f => f.Id).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredFile>> DeleteSharedWithAsync(Guid messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var files = await db.Files.Where(f => f.MessageId == messageId && f.DeletedAt == null).ToListAsync(cancellationToken);
        files.ForEach(f => f.Delete(at));
        await db.SaveChangesAsync(cancellationToken);
        return files;
    }

    public async Task<IReadOnlyList<StoredFile>> ListAbandonedAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Files.AsNoTracking().Where(f => f.MessageId == null && f.CreatedAt < before)
            .OrderBy(f => f.CreatedAt).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task RemoveAsync(Guid fileId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Files.Where(f => f.Id == fileId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<string>> FindKeysInUseAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var live = db.Files.Where(f => f.DeletedAt == null);
        var stored = await live.Where(f => keys.Contains(f.StorageKey)).Select(f => f.StorageKey).ToListAsync(cancellationToken);
        var thumbnails = await live.Where(f => f.ThumbnailKey != null && keys.Contains(f.ThumbnailKey))
            .Select(f => f.ThumbnailKey!).ToListAsync(cancellationToken);
        return stored.Concat(thumbnails).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<SharedFile>> ListSharedInAsync(
        Guid channelId, FileKind? kind, DateTimeOffset? before, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var files = db.Files.AsNoTracking()
            .Where(f => f.ChannelId == channelId && f.MessageId != null && f.DeletedAt == null);
        if (kind is { } only)
        {
            var contentTypes = FileKinds.ContentTypes(only);
            files = files.Where(f => contentTypes.Contains(f.ContentType));
        }

        if (before is { } cursor)
        {
            files = files.Where(f => f.CreatedAt < cursor);
        }

        return await files.OrderByDescending(f => f.CreatedAt).Take(limit)
            .Join(db.Messages, f => f.MessageId, m => m.Id, (f, m) => new SharedFile(f, m.Sequence))
            .ToListAsync(cancellationToken);
    }
}
