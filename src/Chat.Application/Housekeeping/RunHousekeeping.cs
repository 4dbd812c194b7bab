using Microsoft.Extensions.Logging;

namespace Chat.Application.Housekeeping;

/// <summary>
/// The workspace's recurring upkeep. It is a system task run by the job scheduler, not by a user,
/// so it takes no actor; later issues add their own sweeps beside it.
/// </summary>
public sealed partial class RunHousekeeping(IDatabaseMaintenance database, ILogger<RunHousekeeping> logger)
{
    public async Task<DatabaseMaintenanceReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var report = await database.RunAsync(cancellationToken);
        LogDone(report.Provider, string.Join("; ", report.Steps));
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping on {Provider}: {Steps}")]
    private partial void LogDone(string provider, string steps);
}
