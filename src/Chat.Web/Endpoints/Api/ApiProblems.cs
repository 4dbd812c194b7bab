namespace Chat.Web.Endpoints.Api;

/// <summary>
/// Every refusal under <c>/api</c> is an RFC 7807 problem with a stable code, also those the framework answers before
/// an endpoint runs (an unknown address, an id that is not a GUID, a body of the wrong type or one that cannot be read)
/// and which it would otherwise leave empty or send through the HTML error pages.
/// </summary>
internal static class ApiProblems
{
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException refused) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await WriteAsync(context, refused.StatusCode);
                return;
            }

            if (context.Response.StatusCode >= StatusCodes.Status400BadRequest && !context.Response.HasStarted
                && context.Response.ContentType is null && context.Response.ContentLength is null or 0)
            {
                await WriteAsync(context, context.Response.StatusCode);
            }
        }));

    private static Task WriteAsync(HttpContext context, int status)
    {
        var (code, title) = status switch
        {
            StatusCodes.Status404NotFound => ("api.not_found", "There is no such API address (ids are GUIDs; see /openapi/v1.json)."),
            StatusCodes.Status405MethodNotAllowed => ("api.method_not_allowed", "This API address does not take that method."),
            StatusCodes.Status413PayloadTooLarge => ("request.too_large", "The request is larger than the API accepts."),
            StatusCodes.Status415UnsupportedMediaType => ("request.unsupported_media_type", "Send the body as application/json."),
            StatusCodes.Status401Unauthorized => ("auth.required", "Send an access token (Authorization: Bearer …)."),
            StatusCodes.Status403Forbidden => ("auth.forbidden", "This token may not do that."),
            StatusCodes.Status429TooManyRequests => ("api.rate_limited", "Too many requests; wait and try again."),
            >= StatusCodes.Status500InternalServerError => ("server.error", "Something went wrong on the server; try again in a moment."),
            _ => ("request.invalid", "The request could not be read: check its fields and their types."),
        };
        return Results.Problem(
                title: title,
                statusCode: status,
                extensions: new Dictionary<string, object?> { ["code"] = code, ["traceId"] = context.TraceIdentifier })
            .ExecuteAsync(context);
    }
}
