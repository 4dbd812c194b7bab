namespace Chat.Web.Security;

internal static class SecurityHeaders
{
    // Blazor Server needs only its own scripts and a WebSocket to the same origin; MudBlazor sets
    // inline styles, hence 'unsafe-inline' for styles only. data: serves MudBlazor's SVG icons.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    /// <summary>An <see cref="HttpContext.Items"/> key: set it to keep the policy the endpoint wrote.</summary>
    public const string OwnContentSecurityPolicy = "chat:own-csp";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;

                // An endpoint that set a stricter policy of its own (file downloads) keeps it.
                if (!context.Items.ContainsKey(OwnContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
}
