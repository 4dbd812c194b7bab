using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Chat.Web.Endpoints.Api;

internal static class ApiBodyLimit
{
    /// <summary>
    /// Refuses an API request whose body is over <c>Api:MaxMessageKilobytes</c> with a 413 problem before anything
    /// reads it (minimal APIs would answer a body cut off by the server's limit with a vague 400), and sets that
    /// limit on the server for bodies sent without a length.
    /// </summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app)
    {
        var maxBytes = app.ApplicationServices.GetRequiredService<IOptions<ApiLimits>>().Value.MaxMessageKilobytes * 1024L;
        return app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > maxBytes)
            {
                await Results.Problem(
                    title: $"The request is larger than the API accepts ({maxBytes / 1024} KB).",
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    extensions: new Dictionary<string, object?> { ["code"] = "request.too_large" })
                    .ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = maxBytes;
            }

            await next(context);
        }));
    }
}
