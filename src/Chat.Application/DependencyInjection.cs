using Chat.Application.Common;
using Chat.Application.Files.CleanUpFiles;
using Chat.Application.Files.DeleteMessageFiles;
using Chat.Application.Files.RequeuePendingScans;
using Chat.Application.Files.ScanFile;
using Chat.Application.Housekeeping;
using Chat.Application.Tokens;
using Chat.Application.Tokens.AuthenticateAccessToken;
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
        services.AddScoped<ScanFile>();
        services.AddScoped<RequeuePendingScans>();
        services.AddTransient<DeleteMessageFiles>();
        services.AddScoped<CleanUpFiles>();
        services.AddScoped<AuthenticateAccessTokenHandler>();
        services.AddScoped<EndedTokens>();
        return services;
    }
}
