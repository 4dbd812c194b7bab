using System.Collections.Frozen;
using System.Text.Json;
using Chat.Application.Events;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Chat.Infrastructure.Events;

/// <summary>
/// Events across nodes: each is delivered to this node's subscribers at once and published on a Redis channel;
/// every other node delivers what it hears there to its own subscribers. Redis pub/sub keeps no history: a node cut
/// off for a while misses live events, and its clients catch up by sequence as after any reconnect.
/// </summary>
internal sealed partial class RedisChatEvents : IChatEvents
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("chat:events");

    // Event types by name, so a line from another node becomes the same record again.
    private static readonly FrozenDictionary<string, Type> EventTypes = typeof(ChatEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ChatEvent)) && !t.IsAbstract)
        .ToFrozenDictionary(t => t.Name);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly InProcessChatEvents _local;
    private readonly ISubscriber _subscriber;
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly ILogger<RedisChatEvents> _logger;

    public RedisChatEvents(InProcessChatEvents local, RedisConnection redis, ILogger<RedisChatEvents> logger)
    {
        _local = local;
        _logger = logger;
        _subscriber = redis.Subscriber;
        _subscriber.Subscribe(Channel, (_, line) => Receive(line));
    }

    public void Publish(ChatEvent chatEvent)
    {
        _local.Publish(chatEvent);
        Send(chatEvent, userId: null);
    }

    public IDisposable Subscribe(Guid channelId, Func<ChatEvent, Task> handler) => _local.Subscribe(channelId, handler);

    public void PublishToUser(string userId, ChatEvent chatEvent)
    {
        _local.PublishToUser(userId, chatEvent);
        Send(chatEvent, userId);
    }

    public IDisposable SubscribeUser(string userId, Func<ChatEvent, Task> handler) => _local.SubscribeUser(userId, handler);

    private void Send(ChatEvent chatEvent, string? userId)
    {
        var line = JsonSerializer.Serialize(
            new Envelope(_node, chatEvent.GetType().Name, userId, JsonSerializer.SerializeToElement(chatEvent, chatEvent.GetType(), Json)), Json);
        _subscriber.Publish(Channel, line, CommandFlags.FireAndForget);
    }

    private void Receive(RedisValue line)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(line.ToString(), Json);
            if (envelope is null || envelope.Node == _node || !EventTypes.TryGetValue(envelope.Type, out var type))
            {
                return;
            }

            if (envelope.Event.Deserialize(type, Json) is ChatEvent chatEvent)
            {
                _local.DeliverFromElsewhere(chatEvent, envelope.UserId);
            }
        }
        catch (JsonException e)
        {
            LogUnreadable(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An event from another node could not be read")]
    private partial void LogUnreadable(Exception exception);

    /// <param name="Node">The publishing node, which delivered the event itself.</param>
    /// <param name="UserId">Set for an event to one user's stream.</param>
    private sealed record Envelope(string Node, string Type, string? UserId, JsonElement Event);
}
