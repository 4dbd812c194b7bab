using Chat.Application.Housekeeping;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Housekeeping;

internal sealed class DatabaseMaintenance(IDbContextFactory<ChatDbContext> contexts) : IDatabaseMaintenance
{
    public async Task<DatabaseMaintenanceReport> RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync("EXEC sp_updatestats;", cancellationToken);
            return new DatabaseMaintenanceReport("SqlServer", ["statistics updated"]);
        }

        // Refresh the query planner's statistics, then fold the write-ahead log back into the database
        // file so it does not grow without bound on a busy embedded install.
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        var checkpoint = await db.Database
            .SqlQueryRaw<WalCheckpoint>("PRAGMA wal_checkpoint(TRUNCATE);")
            .ToListAsync(cancellationToken);
        var pages = checkpoint.Count == 1 ? checkpoint[0].Checkpointed : 0;
        return new DatabaseMaintenanceReport("Sqlite", ["statistics optimized", $"{pages} WAL pages checkpointed"]);
    }

    private sealed record WalCheckpoint(int Busy, int Log, int Checkpointed);
}
