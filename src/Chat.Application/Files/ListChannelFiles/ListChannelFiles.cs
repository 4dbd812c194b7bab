using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.People;
using Chat.Domain.Common;
using Chat.Domain.Files;

namespace Chat.Application.Files.ListChannelFiles;

/// <param name="Kind">Only files of this kind; all kinds when null.</param>
/// <param name="Before">For the next page: the <see cref="SharedFileDto.SharedAt"/> of the last file shown.</param>
public sealed record ListChannelFiles(Guid ChannelId, FileKind? Kind = null, DateTimeOffset? Before = null, int Limit = 50);

/// <summary>A file shared in a channel, as the channel's files panel lists it.</summary>
public sealed record SharedFileDto(
    Guid Id, string Name, string ContentType, FileKind Kind, long Size, ScanStatus ScanStatus, bool HasThumbnail,
    string UploaderId, string UploaderName, DateTimeOffset SharedAt, Guid MessageId, long MessageSequence);

/// <summary>The files shared in a channel the user may read, newest first, optionally of one kind.</summary>
public sealed class ListChannelFilesHandler(
    ICurrentActor currentActor, IChannelStore channels, IFileRecords records, IUserDirectory people)
    : IUseCase<ListChannelFiles, IReadOnlyList<SharedFileDto>>
{
    public const int MaxLimit = 200;

    public async Task<Result<IReadOnlyList<SharedFileDto>>> HandleAsync(ListChannelFiles request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var readable = await channels.ReadableAsync(request.ChannelId, userId.Value, cancellationToken);
        if (!readable.Succeeded)
        {
            return readable.Error!;
        }

        var files = await records.ListSharedInAsync(
            request.ChannelId, request.Kind, request.Before, Math.Clamp(request.Limit, 1, MaxLimit), cancellationToken);
        var uploaders = (await people.FindAsync([.. files.Select(f => f.File.UploaderId).Distinct()], cancellationToken))
            .ToDictionary(p => p.Id, p => p.DisplayName);
        return Result<IReadOnlyList<SharedFileDto>>.Success([.. files.Select(shared => ToDto(shared, uploaders))]);
    }

    private static SharedFileDto ToDto(SharedFile shared, Dictionary<string, string> uploaders)
    {
        var file = shared.File;
        return new SharedFileDto(
            file.Id, file.OriginalName, file.ContentType, FileKinds.Of(file.ContentType), file.Size, file.ScanStatus,
            file.ThumbnailKey is not null && file.IsDownloadable, file.UploaderId, uploaders.GetValueOrDefault(file.UploaderId, "someone"),
            file.CreatedAt, file.MessageId!.Value, shared.MessageSequence);
    }
}
