using Chat.Web.Endpoints;
using Chat.Web.Endpoints.Api;
using Chat.Web.Hubs;
using Chat.Infrastructure.Persistence;
using Chat.Web.Components;
using Chat.Web.Components.Account;
using Chat.Web.Security;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Chat.Web;

public static class WebApplicationExtensions
{
    public static WebApplication UseChatPipeline(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.TrustForwardedHeaders)
        {
            var forwarded = new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }

        // The error page everywhere, Development included: no stack trace ever reaches a browser.
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseApiProblems();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseApiBodyLimit();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapFileEndpoints();
        app.MapApi();
        app.MapChatHub();
        app.MapOpenApi();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions
        {
            Authorization = [new WorkspaceAdminDashboardFilter()],
            AppPath = "/",
            DashboardTitle = "Chat.Enterprise jobs",
        });
        return app;
    }

    /// <summary>Prints where the app listens and, on a demo workspace, who can sign in.</summary>
    public static void PrintStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var demoAccounts = app.Services.GetRequiredService<DatabaseInitializer>().DemoAccounts;
            var addresses = app.Services.GetRequiredService<IServer>().Features
                .Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine($"Chat.Enterprise is running at {string.Join(", ", addresses)}");
            if (demoAccounts.Count > 0)
            {
                Console.WriteLine("Demo workspace — sign in as any of:");
                foreach (var account in demoAccounts)
                {
                    Console.WriteLine($"  {account.Email,-18} {account.Password,-14} {account.DisplayName} ({account.Roles})");
                }
            }

            Console.WriteLine();
        });
    }
}
