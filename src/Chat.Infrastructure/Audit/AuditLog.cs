using Chat.Application.Audit;
using Chat.Domain.Audit;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Audit;

internal sealed class AuditLog(IDbContextFactory<ChatDbContext> contexts) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? action, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditLog.AsNoTracking();
        if (action is not null)
        {
            entries = entries.Where(e => e.Action == action);
        }

        return await entries.OrderByDescending(e => e.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
