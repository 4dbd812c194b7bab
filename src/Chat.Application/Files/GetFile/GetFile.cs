using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Domain.Common;
using Chat.Domain.Files;

namespace Chat.Application.Files.GetFile;

/// <param name="Thumbnail">The image's thumbnail instead of the file itself.</param>
public sealed record GetFile(Guid FileId, bool Thumbnail = false);

/// <param name="Content">The bytes, to be disposed by the caller.</param>
public sealed record FileDownload(StoredFile File, Stream Content);

/// <summary>
/// Opens a file for download, checking on every request that the reader may read its channel (a copied link does
/// not let anyone else in) and that the virus scan found it clean.
/// </summary>
public sealed class GetFileHandler(ICurrentActor currentActor, IChannelStore channels, IFileRecords records, IFileStore store)
    : IUseCase<GetFile, FileDownload>
{
    private static readonly Error NotFound =
        Error.NotFound("file.not_found", "That file does not exist or you do not have access to it.");

    public async Task<Result<FileDownload>> HandleAsync(GetFile request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        // An upload not yet sent with a message is its uploader's alone.
        var file = await records.FindAsync(request.FileId, cancellationToken);
        if (file is null
            || (file.MessageId is null && file.UploaderId != userId.Value)
            || (await channels.GetAccessAsync(file.ChannelId, userId.Value, cancellationToken)) is not { CanRead: true })
        {
            return NotFound;
        }

        if (file.DeletedAt is not null)
        {
            return Error.Gone("file.deleted", "This file was deleted with its message.");
        }

        switch (file.ScanStatus)
        {
            case ScanStatus.Pending:
                return Error.Conflict("file.scanning", "This file is still being scanned for viruses. Try again in a moment.");
            case ScanStatus.Infected:
                return Error.Gone("file.infected", "This file was removed: malware was detected.");
            case ScanStatus.ScanFailed:
                return Error.Forbidden("file.scan_failed", "This file could not be scanned for viruses, so it cannot be downloaded.");
        }

        if (request.Thumbnail && file.ThumbnailKey is null)
        {
            return Error.NotFound("file.no_thumbnail", "This file has no preview.");
        }

        var content = await store.OpenAsync(request.Thumbnail ? file.ThumbnailKey! : file.StorageKey, cancellationToken);
        return content is null ? NotFound : new FileDownload(file, content);
    }
}
