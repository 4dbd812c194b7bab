using Chat.Application.Common;
using Chat.Application.Housekeeping;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Application;

public static class DependencyInjection
{
    /// <summary>Registers every use case of this assembly, plus the system tasks the job scheduler runs.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        foreach (var useCase in UseCaseTypes.InAssembly())
        {
            services.AddScoped(useCase);
        }

        services.AddScoped<RunHousekeeping>();
        return services;
    }
}
