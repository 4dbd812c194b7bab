using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Domain.Common;
using Chat.Domain.Files;

namespace Chat.Application.Files.UploadFile;

/// <param name="Content">The file's bytes; read once, to the end or to the size limit.</param>
public sealed record UploadFile(Guid ChannelId, string FileName, Stream Content);

/// <summary>What an uploader and their colleagues see of a file.</summary>
public sealed record FileDto(Guid Id, Guid ChannelId, string Name, string ContentType, long Size, ScanStatus ScanStatus, DateTimeOffset CreatedAt)
{
    public static FileDto From(StoredFile file) =>
        new(file.Id, file.ChannelId, file.OriginalName, file.ContentType, file.Size, file.ScanStatus, file.CreatedAt);
}

/// <summary>
/// Receives a file for a channel the uploader may post in: checks its type by its bytes, stores it under a random
/// key and queues its virus scan. It stays pending, and not downloadable, until the scan says it is clean.
/// </summary>
public sealed class UploadFileHandler(
    ICurrentActor currentActor,
    IChannelStore channels,
    IFileStore store,
    IFileRecords records,
    IFileJobs jobs,
    IFileLimits limits,
    TimeProvider clock) : IUseCase<UploadFile, FileDto>
{
    public async Task<Result<FileDto>> HandleAsync(UploadFile request, CancellationToken cancellationToken = default)
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

        if (readable.Value.PostingRefusal() is { } refusal)
        {
            return refusal;
        }

        // The type is judged on the first bytes, which are then stored with the rest.
        var content = new PeekableStream(request.Content);
        var type = FileType.Check(
            request.FileName ?? string.Empty, await content.PeekAsync(FileType.HeadLength, cancellationToken), limits.AllowedExtensions);
        if (!type.Succeeded)
        {
            return type.Error!;
        }

        var blob = await store.SaveAsync(content, limits.MaxBytes, cancellationToken);
        if (blob is null)
        {
            return Error.Invalid("file.too_large", $"Files can be at most {limits.MaxBytes / (1024 * 1024)} MB.");
        }

        if (blob.Size == 0)
        {
            await store.DeleteAsync(blob.Key, cancellationToken);
            return Error.Invalid("file.empty", "That file is empty.");
        }

        var file = StoredFile.Upload(
            request.ChannelId, userId.Value, request.FileName!, type.Value, blob.Size, blob.Sha256, blob.Key, clock.GetUtcNow());
        await records.AddAsync(file, cancellationToken);
        jobs.EnqueueScan(file.Id);
        return FileDto.From(file);
    }
}
