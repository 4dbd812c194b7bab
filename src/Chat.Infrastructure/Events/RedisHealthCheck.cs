using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Events;

/// <summary>Ready only while the connection to Redis is up, when Redis is configured (other nodes' events go through it).</summary>
internal sealed class RedisHealthCheck(IOptions<RedisOptions> options, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!options.Value.IsEnabled ? HealthCheckResult.Healthy("Redis is not configured: one node.")
            : services.GetRequiredService<RedisConnection>().IsConnected ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Redis is unreachable."));
}
