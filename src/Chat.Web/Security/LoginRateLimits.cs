using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chat.Web.Security;

/// <summary>The <c>RateLimits</c> section.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and registration form posts allowed per client address per minute (default 10).</summary>
    public int LoginPerMinute { get; set; } = 10;

    /// <summary>File uploads allowed per user per minute (default 30).</summary>
    public int UploadsPerMinute { get; set; } = 30;
}

internal static class LoginRateLimits
{
    /// <summary>The rate limiter policy of file uploads, per user.</summary>
    public const string UploadPolicy = "uploads";

    /// <summary>The rate limiter policy of REST API requests, per access token.</summary>
    public const string ApiPolicy = "api";

    private static readonly string[] LimitedPaths =
        ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Register"];

    public static IServiceCollection AddLoginRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.LoginPerMinute > 0, "RateLimits:LoginPerMinute must be a positive number.")
            .Validate(o => o.UploadsPerMinute > 0, "RateLimits:UploadsPerMinute must be a positive number.")
            .ValidateOnStart();

        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>, IOptions<Endpoints.Api.ApiLimits>>((limiter, limits, api) =>
            {
                var permits = limits.Value.LoginPerMinute;
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsCredentialPost(context.Request)
                        ? RateLimitPartition.GetFixedWindowLimiter(
                            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                            _ => new FixedWindowRateLimiterOptions
                            {
                                PermitLimit = permits,
                                Window = TimeSpan.FromMinutes(1),
                                QueueLimit = 0,
                            })
                        : RateLimitPartition.GetNoLimiter("unlimited"));
                limiter.AddPolicy(UploadPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                    context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
                        ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.Value.UploadsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
                limiter.AddPolicy(ApiPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                    context.User.FindFirst(AccessTokenAuthentication.TokenIdClaim)?.Value
                        ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = api.Value.RequestsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.OnRejected = async (rejected, cancellationToken) =>
                {
                    var response = rejected.HttpContext.Response;
                    if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    {
                        response.Headers.RetryAfter =
                            ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    }

                    if (rejected.HttpContext.Request.Path.StartsWithSegments("/api"))
                    {
                        await Results.Problem(
                            title: "Too many requests with this token. Wait as long as Retry-After says and try again.",
                            statusCode: StatusCodes.Status429TooManyRequests,
                            extensions: new Dictionary<string, object?> { ["code"] = "api.rate_limited" })
                            .ExecuteAsync(rejected.HttpContext);
                        return;
                    }

                    response.ContentType = "text/plain; charset=utf-8";
                    await response.WriteAsync(
                        IsCredentialPost(rejected.HttpContext.Request)
                            ? "Too many sign-in attempts from your address. Wait a minute and try again."
                            : "Too many uploads. Wait a minute and try again.",
                        cancellationToken);
                };
            });
        return services;
    }

    private static bool IsCredentialPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && LimitedPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
