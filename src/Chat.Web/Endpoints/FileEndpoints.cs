using Chat.Application.Files;
using Chat.Application.Files.GetFile;
using Chat.Application.Files.UploadFile;
using Chat.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Chat.Web.Endpoints;

/// <summary>Uploads and downloads of shared files: access checked on every request, served so that no upload can run in the page.</summary>
internal static class FileEndpoints
{
    // Raster images the browser shows as pictures; everything else is only ever offered as a download.
    private static readonly HashSet<string> ShownInline = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    private const long FormOverheadBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/{id:guid}/thumbnail", (Guid id, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(new GetFile(id, Thumbnail: true), context, cancellationToken)).RequireAuthorization();
        app.MapGet("/files/{id:guid}/{*name}", (Guid id, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(new GetFile(id), context, cancellationToken)).RequireAuthorization();

        // A form post: the antiforgery token is required (form field or RequestVerificationToken header). The server
        // takes bodies up to the workspace's file limit plus room for the form around the file; the use case refuses
        // a file over the limit with a clear message.
        var maxBytes = app.ServiceProvider.GetRequiredService<IFileLimits>().MaxBytes;
        app.MapPost("/files", UploadAsync)
            .RequireAuthorization()
            .RequireRateLimiting(Security.LoginRateLimits.UploadPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes + FormOverheadBytes), new RequestFormLimitsAttribute
            {
                MultipartBodyLengthLimit = maxBytes + FormOverheadBytes,
            });
        return app;
    }

    private static async Task<IResult> UploadAsync(
        [FromForm] Guid channelId, IFormFile file, HttpContext context, CancellationToken cancellationToken)
    {
        var upload = RequestActor.Handler<UploadFileHandler>(context.RequestServices, context.User);
        await using var content = file.OpenReadStream();
        var uploaded = await upload.HandleAsync(new UploadFile(channelId, file.FileName, content), cancellationToken);
        return uploaded.Succeeded
            ? Results.Created($"/files/{uploaded.Value.Id}/{Uri.EscapeDataString(uploaded.Value.Name)}", uploaded.Value)
            : ProblemResults.From(uploaded.Error!);
    }

    public static async Task<IResult> ServeAsync(GetFile request, HttpContext context, CancellationToken cancellationToken)
    {
        var download = RequestActor.Handler<GetFileHandler>(context.RequestServices, context.User);
        var opened = await download.HandleAsync(request, cancellationToken);
        if (!opened.Succeeded)
        {
            return ProblemResults.From(opened.Error!);
        }

        var (file, content) = opened.Value;
        var contentType = request.Thumbnail ? file.ThumbnailContentType! : file.ContentType;
        var disposition = new ContentDispositionHeaderValue(ShownInline.Contains(contentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(file.OriginalName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.Headers.XContentTypeOptions = "nosniff";

        // Behind an access check: no shared cache (a proxy, a CDN) may keep a copy for the next person who asks.
        context.Response.Headers.CacheControl = "private, no-store";

        // Even an inline image gets a sandbox: nothing in a response from this path may run script.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'";
        context.Items[Security.SecurityHeaders.OwnContentSecurityPolicy] = true;
        return Results.Stream(content, contentType, enableRangeProcessing: true, lastModified: file.ScannedAt,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}{(request.Thumbnail ? "-thumbnail" : string.Empty)}\""));
    }
}
