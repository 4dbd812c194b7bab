using Chat.Domain.Common;

namespace Chat.Domain.Files;

public enum ScanStatus
{
    Pending,
    Clean,
    Infected,
    ScanFailed,
}

/// <summary>
/// A file shared in a channel. Its bytes live in a file store under <see cref="StorageKey"/>; nothing about it is
/// downloadable, previewable or thumbnailed until the virus scan says <see cref="ScanStatus.Clean"/>.
/// </summary>
public sealed class StoredFile
{
    private StoredFile()
    {
        UploaderId = OriginalName = ContentType = Sha256 = StorageKey = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ChannelId { get; private set; }

    /// <summary>The message it was shared with; null until that message is sent.</summary>
    public Guid? MessageId { get; private set; }

    public string UploaderId { get; private set; }

    public string OriginalName { get; private set; }

    /// <summary>The type its bytes showed, not the one its name claimed.</summary>
    public string ContentType { get; private set; }

    public long Size { get; private set; }

    /// <summary>Lowercase hex SHA-256 of the bytes as uploaded.</summary>
    public string Sha256 { get; private set; }

    /// <summary>The random name the bytes are stored under; never derived from the original name.</summary>
    public string StorageKey { get; private set; }

    public ScanStatus ScanStatus { get; private set; }

    /// <summary>The signature found, or why scanning failed.</summary>
    public string? ScanDetail { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ScannedAt { get; private set; }

    /// <summary>When its message was deleted (or its upload abandoned); its bytes are removed from the store then.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDownloadable => ScanStatus == ScanStatus.Clean && DeletedAt is null;

    /// <summary>The store keys holding its bytes (the file, and its thumbnail if it has one).</summary>
    public IReadOnlyList<string> StorageKeys => ThumbnailKey is null ? [StorageKey] : [StorageKey, ThumbnailKey];

    /// <summary>For images: the pixel size of the original, and where its thumbnail is stored.</summary>
    public int? Width { get; private set; }

    public int? Height { get; private set; }

    public string? ThumbnailKey { get; private set; }

    public string? ThumbnailContentType { get; private set; }

    public int? ThumbnailWidth { get; private set; }

    public int? ThumbnailHeight { get; private set; }

    /// <summary>
    /// Takes the image as re-encoded without its metadata (stored under <paramref name="strippedKey"/>) and its
    /// thumbnail; only while the scan is still pending, as a clean verdict makes it visible.
    /// </summary>
    public Result UsePreparedImage(
        string strippedKey, long size, string sha256, int width, int height,
        string thumbnailKey, string thumbnailContentType, int thumbnailWidth, int thumbnailHeight)
    {
        if (ScanStatus != ScanStatus.Pending || DeletedAt is not null)
        {
            return Error.Invalid("file.already_scanned", "The image was already published or deleted.");
        }

        (StorageKey, Size, Sha256, Width, Height) = (strippedKey, size, sha256, width, height);
        (ThumbnailKey, ThumbnailContentType, ThumbnailWidth, ThumbnailHeight) = (thumbnailKey, thumbnailContentType, thumbnailWidth, thumbnailHeight);
        return Result.Success();
    }

    public static StoredFile Upload(
        Guid channelId, string uploaderId, string originalName, FileType type, long size, string sha256, string storageKey, DateTimeOffset at) =>
        new()
        {
            Id = Guid.NewGuid(),
            ChannelId = channelId,
            UploaderId = uploaderId,
            OriginalName = FileName.Clean(originalName),
            ContentType = type.ContentType,
            Size = size,
            Sha256 = sha256,
            StorageKey = storageKey,
            ScanStatus = ScanStatus.Pending,
            CreatedAt = at,
        };

    /// <summary>Records the scan's verdict; a file is scanned once, so a second verdict changes nothing.</summary>
    public Result RecordScan(ScanStatus verdict, string? detail, DateTimeOffset at)
    {
        if (verdict == ScanStatus.Pending)
        {
            return Error.Invalid("file.scan_pending", "A scan verdict cannot be 'pending'.");
        }

        if (ScanStatus != ScanStatus.Pending)
        {
            return Result.Success();
        }

        (ScanStatus, ScanDetail, ScannedAt) = (verdict, detail, at);
        return Result.Success();
    }

    /// <summary>Marks the file deleted; its bytes are to be removed from the store next. Deleting twice changes nothing.</summary>
    public void Delete(DateTimeOffset at) => DeletedAt ??= at;

    /// <summary>Shares the uploaded file with the message its uploader sent.</summary>
    public Result AttachTo(Guid messageId, string userId)
    {
        if (userId != UploaderId)
        {
            return Error.Forbidden("file.not_yours", "Only the person who uploaded a file can share it.");
        }

        if (MessageId is not null && MessageId != messageId)
        {
            return Error.Conflict("file.already_shared", "This file was already shared with another message.");
        }

        MessageId = messageId;
        return Result.Success();
    }
}
