using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Infrastructure.Events;

/// <summary>This node's one connection to Redis (events and presence share it), opened when first needed.</summary>
internal sealed class RedisConnection(IOptions<RedisOptions> options) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() =>
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Connection!);
        configuration.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(configuration);
    });

    public ISubscriber Subscriber => _multiplexer.Value.GetSubscriber();

    public bool IsConnected => _multiplexer.Value.IsConnected;

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
