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
}
