using Chat.Application.Audit;
using Chat.Application.Events;
using Chat.Application.Messages;
using Chat.Domain.Audit;
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
    IFileRecords records,
    IFileStore store,
    IVirusScanner scanner,
    IImagePreviews images,
    IChatEvents events,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<ScanFile> logger)
{
    public async Task RunAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var file = await records.FindAsync(fileId, cancellationToken);
        if (file is null || file.ScanStatus != ScanStatus.Pending || file.DeletedAt is not null)
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
            await audit.AppendAsync(
                AuditEntry.Record(
                    clock.GetUtcNow(), actorId: null, "file.infected", "file", file.Id.ToString(),
                    $"\"{file.OriginalName}\" uploaded by {file.UploaderId} in channel {file.ChannelId}: {verdict.Detail}; its bytes were deleted"),
                cancellationToken);
        }

        var detail = verdict.Detail;
        if (status == ScanStatus.Clean && file.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            var prepared = await PrepareImageAsync(file, cancellationToken);
            (status, detail) = prepared.Succeeded ? (status, detail) : (ScanStatus.ScanFailed, prepared.Error!.Message);
        }

        var recorded = await records.ChangeAsync(fileId, f => f.RecordScan(status, detail, clock.GetUtcNow()), cancellationToken);

        // Everyone viewing the message sees "scanning…" turn into the file, or into its removal, without reloading.
        // Read again after the verdict is stored: a message sent meanwhile either read the verdict back with itself
        // or is found attached here, so no viewer is left with "scanning…".
        var shared = recorded.Succeeded ? await records.FindAsync(fileId, cancellationToken) : null;
        if (shared?.MessageId is { } messageId)
        {
            events.Publish(new FileScanned(shared.ChannelId, messageId, AttachmentDto.From(shared)));
        }

        // The uploader is told wherever they are, even when not looking at the channel.
        if (recorded.Succeeded && status == ScanStatus.Infected)
        {
            events.PublishToUser(file.UploaderId, new FileRemovedAsMalware(file.ChannelId, file.Id, file.OriginalName));
        }
    }

    /// <summary>
    /// Before a clean image becomes visible: replace the stored original with a copy without metadata (location,
    /// camera, author) and store a thumbnail. An image too large to decode or damaged is refused instead.
    /// </summary>
    private async Task<Result> PrepareImageAsync(StoredFile file, CancellationToken cancellationToken)
    {
        Result<ProcessedImage> processed;
        await using (var original = await store.OpenAsync(file.StorageKey, cancellationToken))
        {
            processed = original is null
                ? Error.Invalid("file.missing", "The uploaded bytes are missing.")
                : await images.ProcessAsync(original, file.ContentType, cancellationToken);
        }

        if (!processed.Succeeded)
        {
            return processed.Error!;
        }

        var image = processed.Value;
        var stripped = await store.SaveAsync(new MemoryStream(image.Original), long.MaxValue, cancellationToken);
        var thumbnail = await store.SaveAsync(new MemoryStream(image.Thumbnail), long.MaxValue, cancellationToken);
        var used = await records.ChangeAsync(
            file.Id,
            f => f.UsePreparedImage(
                stripped!.Key, stripped.Size, stripped.Sha256, image.Width, image.Height,
                thumbnail!.Key, image.ThumbnailContentType, image.ThumbnailWidth, image.ThumbnailHeight),
            cancellationToken);
        if (!used.Succeeded)
        {
            await store.DeleteAsync(stripped!.Key, cancellationToken);
            await store.DeleteAsync(thumbnail!.Key, cancellationToken);
            return used.Error!;
        }

        await store.DeleteAsync(file.StorageKey, cancellationToken);
        return Result.Success();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malware in file {FileId} uploaded by {UploaderId}: {Signature}; its bytes were deleted")]
    private partial void LogInfected(Guid fileId, string uploaderId, string? signature);
}

/// <summary>The scanner could not be reached; the scan is tried again later.</summary>
public sealed class ScannerUnavailableException(string message) : Exception(message);
