using Chat.Application.Events;
using Chat.Infrastructure.Events;
using Chat.Web.Endpoints.Api;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Chat.Web.Hubs;

internal static class HubRegistration
{
    private const string DispatcherLogCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    /// <summary>
    /// The API clients' hub with JSON and MessagePack, and what keeps its connections in step; with Redis configured,
    /// the backplane that carries hub messages to connections on the other nodes.
    /// </summary>
    public static IServiceCollection AddChatHub(this IServiceCollection services, RedisOptions? redis)
    {
        var signalR = services.AddSignalR(options => options.AddFilter<HubFailureLog>());

        // HubFailureLog logs what hub methods throw; the dispatcher would log each refusal as an error too.
        services.AddLogging(logging => logging.AddFilter(DispatcherLogCategory, LogLevel.None));
        if (redis is { IsEnabled: true })
        {
            signalR.AddStackExchangeRedis(redis.Connection!, options =>
                options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("chat:hub"));
        }

        signalR
            .AddJsonProtocol(options =>
                options.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .AddMessagePackProtocol()
            .AddHubOptions<ChatHub>(_ => { });
        services.AddOptions<HubOptions<ChatHub>>()
            .Configure<IOptions<ApiLimits>>((hub, limits) => hub.MaximumReceiveMessageSize = limits.Value.MaxMessageKilobytes * 1024L);
        services.AddSingleton<HubConnections>();
        services.AddSingleton<IChatEventOutlet, HubEventOutlet>();
        services.AddHostedService<HubTokenWatch>();
        return services;
    }

    public static IEndpointRouteBuilder MapChatHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<ChatHub>(ChatHub.Path);
        return app;
    }
}
