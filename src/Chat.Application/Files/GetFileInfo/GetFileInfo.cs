using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Files.UploadFile;
using Chat.Domain.Common;

namespace Chat.Application.Files.GetFileInfo;

public sealed record GetFileInfo(Guid FileId);

/// <summary>A file's name, type, size and scan status, for whoever may read it (API clients poll it while scanning).</summary>
public sealed class GetFileInfoHandler(ICurrentActor currentActor, IChannelStore channels, IFileRecords records)
    : IUseCase<GetFileInfo, FileDto>
{
    public async Task<Result<FileDto>> HandleAsync(GetFileInfo request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var file = await records.ReadableAsync(channels, request.FileId, userId.Value, cancellationToken);
        return file.Succeeded ? FileDto.From(file.Value) : file.Error!;
    }
}
