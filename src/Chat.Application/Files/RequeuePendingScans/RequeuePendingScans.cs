namespace Chat.Application.Files.RequeuePendingScans;

/// <summary>
/// The database, not the job runner, knows which files still wait for a verdict: queue their scans again, so a
/// restart, a lost job or a scan given up on while clamd was down loses no file.
/// </summary>
public sealed class RequeuePendingScans(IFileRecords records, IFileJobs jobs, TimeProvider clock)
{
    /// <summary>Files younger than this are left to the scan queued at upload.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var pending = await records.ListPendingAsync(clock.GetUtcNow() - Grace, 1000, cancellationToken);
        foreach (var fileId in pending)
        {
            jobs.EnqueueScan(fileId);
        }

        return pending.Count;
    }
}
