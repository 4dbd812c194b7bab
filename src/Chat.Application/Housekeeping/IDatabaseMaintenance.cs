namespace Chat.Application.Housekeeping;

/// <summary>Provider-specific upkeep of the database (statistics, journal size).</summary>
public interface IDatabaseMaintenance
{
    /// <summary>Runs the upkeep once; safe to run at any time and more than once.</summary>
    Task<DatabaseMaintenanceReport> RunAsync(CancellationToken cancellationToken);
}

/// <param name="Provider">The database provider the upkeep ran on.</param>
/// <param name="Steps">What was done, one line per step, for the job log.</param>
public sealed record DatabaseMaintenanceReport(string Provider, IReadOnlyList<string> Steps);
