using Chat.Application.Channels;
using Chat.Domain.Common;
using Chat.Domain.Files;

namespace Chat.Application.Files;

/// <summary>Who may see a file: readers of its channel once it was shared, its uploader alone before.</summary>
internal static class ReadableFiles
{
    public static readonly Error NotFound =
        Error.NotFound("file.not_found", "That file does not exist or you do not have access to it.");

    public static async Task<Result<StoredFile>> ReadableAsync(
        this IFileRecords records, IChannelStore channels, Guid fileId, string userId, CancellationToken cancellationToken)
    {
        var file = await records.FindAsync(fileId, cancellationToken);
        if (file is null
            || (file.MessageId is null && file.UploaderId != userId)
            || (await channels.GetAccessAsync(file.ChannelId, userId, cancellationToken)) is not { CanRead: true })
        {
            return NotFound;
        }

        return file;
    }
}
