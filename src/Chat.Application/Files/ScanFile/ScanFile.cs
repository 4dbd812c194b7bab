using Chat.Domain.Common;
using Chat.Domain.Files;
using Microsoft.Extensions.Logging;

namespace Chat.Application.Files.ScanFile;

/// <summary>
/// Scans one uploaded file and records the verdict. Infected bytes are deleted at once. When the scanner is
/// unavailable nothing is recorded and this throws, so the job runner retries later: the file stays pending and
/// undownloadable meanwhile (fail closed).
/// </summary>
public sealed partial class ScanFile(
    IFileRecords records, IFileStore store, IVirusScanner scanner, TimeProvider clock, ILogger<ScanFile> logger)
{
    public async Task RunAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var file = await records.FindAsync(fileId, cancellationToken);
        if (file is null || file.ScanStatus != ScanStatus.Pending)
        {
            return;
        }

        ScanVerdict verdict;
        await using (var content = await store.OpenAsync(file.StorageKey, cancellationToken))
        {
            verdict = content is null
                ? new ScanVerdict(ScanOutcome.Refused, "The uploaded bytes are missing.")
                : await scanner.ScanAsync(content, cancellationToken);
        }

        if (verdict.Outcome == ScanOutcome.Unavailable)
        {
            throw new ScannerUnavailableException(verdict.Detail ?? "The virus scanner is unavailable.");
        }

        var status = verdict.Outcome switch
        {
            ScanOutcome.Clean => ScanStatus.Clean,
            ScanOutcome.Infected => ScanStatus.Infected,
            _ => ScanStatus.ScanFailed,
        };
        if (status == ScanStatus.Infected)
        {
            // Gone before anyone is told: nothing infected stays on disk even if recording fails next.
            await store.DeleteAsync(file.StorageKey, cancellationToken);
            LogInfected(file.Id, file.UploaderId, verdict.Detail);
        }

        await records.ChangeAsync(fileId, f => f.RecordScan(status, verdict.Detail, clock.GetUtcNow()), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malware in file {FileId} uploaded by {UploaderId}: {Signature}; its bytes were deleted")]
    private partial void LogInfected(Guid fileId, string uploaderId, string? signature);
}

/// <summary>The scanner could not be reached; the scan is tried again later.</summary>
public sealed class ScannerUnavailableException(string message) : Exception(message);
