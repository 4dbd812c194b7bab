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
}

internal static class LoginRateLimits
{
    private static readonly string[] LimitedPaths =
        ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Register"];

    public static IServiceCollection AddLoginRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.LoginPerMinute > 0, "RateLimits:LoginPerMinute must be a positive number.")
            .ValidateOnStart();

        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
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
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.OnRejected = async (rejected, cancellationToken) =>
                {
                    var response = rejected.HttpContext.Response;
                    if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    {
                        response.Headers.RetryAfter =
                            ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    }

                    response.ContentType = "text/plain; charset=utf-8";
                    await response.WriteAsync(
                        "Too many sign-in attempts from your address. Wait a minute and try again.",
                        cancellationToken);
                };
            });
        return services;
    }

    private static bool IsCredentialPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && LimitedPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
