using Chat.Application.Files;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Files;

/// <summary>Readiness includes clamd when scanning is on: uploads cannot become downloadable without it.</summary>
internal sealed class ClamdHealthCheck(IOptions<ClamAvOptions> options, IVirusScanner scanner) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("Virus scanning is not configured.");
        }

        return await scanner.PingAsync(cancellationToken)
            ? HealthCheckResult.Healthy("clamd answers.")
            : HealthCheckResult.Unhealthy($"clamd at {options.Value.Host}:{options.Value.Port} does not answer.");
    }
}
