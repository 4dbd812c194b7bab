using Chat.Web.Security;

namespace Chat.Web.Endpoints.Api;

/// <summary>
/// The REST API for other clients under <c>/api/v1</c>: thin endpoints over the same use cases as the UI. Only access
/// tokens sign these requests in, never the browser's cookie, so no page can be made to call them (no CSRF).
/// </summary>
internal static class ApiEndpoints
{
    public const string Policy = "api";

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .RequireRateLimiting(LoginRateLimits.ApiPolicy)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapMeApi();
        api.MapChannelsApi();
        api.MapMessagesApi();
        api.MapFilesApi();
        api.MapSearchApi();
        api.MapAdminApi();
        return app;
    }

    public static IServiceCollection AddApiAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<ApiCatalog>();
        services.AddOptions<ApiLimits>().BindConfiguration(ApiLimits.Section)
            .Validate(o => o.MaxConnectionsPerUser > 0, "Api:MaxConnectionsPerUser must be a positive number.")
            .Validate(o => o.RequestsPerMinute > 0, "Api:RequestsPerMinute must be a positive number.")
            .Validate(o => o.MaxMessageKilobytes is > 0 and <= 10_240, "Api:MaxMessageKilobytes must be between 1 and 10240.")
            .ValidateOnStart();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(AccessTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser());
        return services;
    }
}
