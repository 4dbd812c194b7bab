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
    public async Task<Result<FileDownload>> HandleAsync(GetFile request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var readable = await records.ReadableAsync(channels, request.FileId, userId.Value, cancellationToken);
        if (!readable.Succeeded)
        {
            return readable.Error!;
        }

        var file = readable.Value;
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
        return content is null ? ReadableFiles.NotFound : new FileDownload(file, content);
    }
}
