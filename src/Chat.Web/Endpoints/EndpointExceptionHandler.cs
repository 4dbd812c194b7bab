using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Chat.Web.Endpoints;

/// <summary>
/// Failures of HTTP endpoints (uploads, downloads, account posts) answer with problem details instead of re-running the
/// request as the error page: a re-run POST fails the page's antiforgery check again and hides the real cause.
/// </summary>
internal sealed class EndpointExceptionHandler(ILogger<EndpointExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The handler runs with the request already pointed at the error page: the failed endpoint is in the feature.
        var failed = context.Features.Get<IExceptionHandlerFeature>();
        if (failed?.Endpoint is not { } endpoint || endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            return false;
        }

        // A request the client got wrong (a form that cannot be read, a bad token) is its mistake, not ours.
        var status = exception is BadHttpRequestException badRequest ? badRequest.StatusCode : StatusCodes.Status500InternalServerError;
        if (status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "{Method} {Path} failed", context.Request.Method, failed.Path);
        }
        else
        {
            logger.LogWarning("{Method} {Path} refused: {Reason}", context.Request.Method, failed.Path, exception.Message);
        }

        var (title, code) = status switch
        {
            >= StatusCodes.Status500InternalServerError => ("Something went wrong on the server; try again in a moment.", "server.error"),
            StatusCodes.Status413PayloadTooLarge => ("The request is larger than this workspace accepts.", "request.too_large"),
            _ => (exception.Message, "request.invalid"),
        };
        var problem = Results.Problem(
            title: title,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["code"] = code, ["traceId"] = context.TraceIdentifier });
        await problem.ExecuteAsync(context);
        return true;
    }
}
