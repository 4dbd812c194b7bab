using Microsoft.AspNetCore.Components.Server.Circuits;
using Chat.Application.Common;
using Chat.Infrastructure.Events;
using Chat.Web.Components.Account;
using Chat.Web.Components.Channels;
using Chat.Web.Components.Layout;
using Chat.Web.Endpoints.Api;
using Chat.Web.Hubs;
using Chat.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace Chat.Web;

public static class DependencyInjection
{
    /// <summary>Registers the Blazor host: components, authentication, security and rate limits.</summary>
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // A message at the body limit (16,000 characters) is sent whole from the composer's script: up to six bytes a
        // character once JSON-escaped, past SignalR's default of 32 KB, which would end the circuit.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 128 * 1024);
        services.AddMudServices();
        services.AddSingleton<ThemeStyles>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<ICurrentActor, CurrentActor>();
        services.AddScoped<AuthenticatorSetup>();
        services.AddTransient<ChannelFeed>();
        services.AddScoped<Sidebar>();
        services.AddScoped<FollowedThreads>();
        services.AddScoped<PresenceCircuit>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<PresenceCircuit>());
        services.AddScoped<ViewerClock>();
        services.AddScoped<PageMode>();
        services.AddScoped<MalwareNotices>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "chat.auth";
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.SlidingExpiration = true;
        });
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        services.AddAntiforgery(options => options.Cookie.Name = "chat.antiforgery");
        services.ConfigureOptions<SecureCookies>();
        services.AddAuthorization();
        services.AddApiAuthorization();
        services.AddChatHub(configuration.GetSection(RedisOptions.Section).Get<RedisOptions>());
        services.AddOpenApi(options => options.AddDocumentTransformer<ApiDocument>());
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        services.AddExceptionHandler<Endpoints.EndpointExceptionHandler>();
        services.AddLoginRateLimits();
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }
}
