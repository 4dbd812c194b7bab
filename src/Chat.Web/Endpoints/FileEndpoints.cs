using System.Security.Claims;
using Chat.Application.Common;
using Chat.Application.Files.GetFile;
using Chat.Domain.Common;
using Microsoft.Net.Http.Headers;

namespace Chat.Web.Endpoints;

/// <summary>Downloads of shared files: access checked on every request, served so that no upload can run in the page.</summary>
internal static class FileEndpoints
{
    // Raster images the browser shows as pictures; everything else is only ever offered as a download.
    private static readonly HashSet<string> ShownInline = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/{id:guid}/{*name}", DownloadAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext context, CancellationToken cancellationToken)
    {
        var download = ActivatorUtilities.CreateInstance<GetFileHandler>(
            context.RequestServices, (ICurrentActor)new RequestActor(context.User));
        var opened = await download.HandleAsync(new GetFile(id), cancellationToken);
        if (!opened.Succeeded)
        {
            return Problem(opened.Error!);
        }

        var (file, content) = opened.Value;
        var disposition = new ContentDispositionHeaderValue(ShownInline.Contains(file.ContentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(file.OriginalName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.Headers.XContentTypeOptions = "nosniff";

        // Even an inline image gets a sandbox: nothing in a response from this path may run script.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'";
        context.Items[Security.SecurityHeaders.OwnContentSecurityPolicy] = true;
        return Results.Stream(content, file.ContentType, enableRangeProcessing: true,
            lastModified: file.ScannedAt, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    private static IResult Problem(Error error) => Results.Problem(
        title: error.Message,
        statusCode: error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Gone => StatusCodes.Status410Gone,
            ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
            _ => StatusCodes.Status400BadRequest,
        },
        extensions: new Dictionary<string, object?> { ["code"] = error.Code });

    /// <summary>The signed-in user of an HTTP request (outside a Blazor circuit).</summary>
    private sealed class RequestActor(ClaimsPrincipal user) : ICurrentActor
    {
        public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default)
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
            return ValueTask.FromResult(user.Identity?.IsAuthenticated == true && id is not null
                ? new Actor(id, user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet())
                : Actor.Anonymous);
        }
    }
}
