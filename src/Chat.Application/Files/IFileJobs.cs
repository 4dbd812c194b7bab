namespace Chat.Application.Files;

/// <summary>Queues background work on files (Hangfire in Infrastructure).</summary>
public interface IFileJobs
{
    /// <summary>Queues a virus scan; scanning twice is harmless, as a file records only its first verdict.</summary>
    void EnqueueScan(Guid fileId);
}
