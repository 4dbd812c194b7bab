using Chat.Application.Files.GetFile;
using Chat.Application.Files.GetFileInfo;
using Chat.Application.Files.UploadFile;

namespace Chat.Web.Endpoints.Api;

internal static class FilesApi
{
    public static void MapFilesApi(this RouteGroupBuilder api)
    {
        var files = api.MapGroup("/files/{fileId:guid}").WithTags("Files");
        files.MapGet("/", (HttpContext context, Guid fileId, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<GetFileInfoHandler, FileDto>(context, h => h.HandleAsync(new GetFileInfo(fileId), cancellationToken)))
            .WithSummary("A shared file's name, type, size and scan status");
        files.MapGet("/content", (HttpContext context, Guid fileId, CancellationToken cancellationToken) =>
            FileEndpoints.ServeAsync(new GetFile(fileId), context, cancellationToken))
            .WithSummary("The file's bytes, once scanned clean (range requests supported)");
    }
}
