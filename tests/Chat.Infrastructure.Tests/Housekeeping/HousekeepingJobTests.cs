using Chat.Infrastructure.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Housekeeping;

public class HousekeepingJobTests
{
    [Fact]
    public async Task Housekeeping_folds_the_write_ahead_log_back_into_the_database()
    {
        await using var workspace = await TestWorkspace.InitializedAsync(
            new Dictionary<string, string?> { ["Bootstrap:SeedDemoWorkspace"] = "true" });
        var wal = workspace.DatabasePath + "-wal";

        // SQLite deletes the log when the last connection closes; an unpooled connection held open
        // keeps it, whatever other tests do to the shared connection pool.
        await using var keeper = new SqliteConnection($"Data Source={workspace.DatabasePath};Pooling=False");
        await keeper.OpenAsync();
        await using (var write = keeper.CreateCommand())
        {
            // Written through the keeper itself, so the frames are in this log whatever the pool does.
            write.CommandText = "PRAGMA journal_mode; UPDATE AspNetUsers SET DisplayName = DisplayName || '';";
            (await write.ExecuteScalarAsync()).ShouldBe("wal");
        }

        new FileInfo(wal).Length.ShouldBeGreaterThan(0);

        await using var scope = workspace.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RunHousekeepingJob>().RunAsync(CancellationToken.None);

        new FileInfo(wal).Length.ShouldBe(0);
    }

    [Fact]
    public async Task Housekeeping_reports_what_it_did()
    {
        await using var workspace = await TestWorkspace.InitializedAsync();
        await using var scope = workspace.Services.CreateAsyncScope();

        var report = await scope.ServiceProvider
            .GetRequiredService<Chat.Application.Housekeeping.RunHousekeeping>().RunAsync();

        report.Provider.ShouldBe("Sqlite");
        report.Steps.ShouldContain("statistics optimized");
    }
}
