using System.Collections.Concurrent;
using System.Collections.Immutable;
using Chat.Application.Events;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Events;

/// <summary>
/// Delivers events to the subscribers of this process, per channel. A slow or failing subscriber never
/// holds up the publisher or the other subscribers.
/// </summary>
internal sealed partial class InProcessChatEvents(ILogger<InProcessChatEvents> logger) : IChatEvents
{
    private readonly ConcurrentDictionary<Guid, ImmutableList<Subscription>> _byChannel = new();

    public void Publish(ChatEvent chatEvent)
    {
        if (!_byChannel.TryGetValue(chatEvent.ChannelId, out var subscribers))
        {
            return;
        }

        foreach (var subscriber in subscribers)
        {
            _ = DeliverAsync(subscriber, chatEvent);
        }
    }

    public IDisposable Subscribe(Guid channelId, Func<ChatEvent, Task> handler)
    {
        var subscription = new Subscription(this, channelId, handler);
        _byChannel.AddOrUpdate(channelId, [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    /// <summary>How many handlers watch the channel now (for tests and diagnostics).</summary>
    public int SubscriberCount(Guid channelId) =>
        _byChannel.TryGetValue(channelId, out var subscribers) ? subscribers.Count : 0;

    private void Unsubscribe(Subscription subscription)
    {
        var remaining = _byChannel.AddOrUpdate(
            subscription.ChannelId, [], (_, list) => list.Remove(subscription));
        if (remaining.IsEmpty)
        {
            _byChannel.TryRemove(new KeyValuePair<Guid, ImmutableList<Subscription>>(subscription.ChannelId, remaining));
        }
    }

    private async Task DeliverAsync(Subscription subscriber, ChatEvent chatEvent)
    {
        try
        {
            await Task.Yield();
            await subscriber.Handler(chatEvent);
        }
        catch (Exception e)
        {
            LogDeliveryFailed(e, chatEvent.GetType().Name, chatEvent.ChannelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering {Event} for channel {ChannelId} failed")]
    private partial void LogDeliveryFailed(Exception exception, string @event, Guid channelId);

    private sealed class Subscription(InProcessChatEvents owner, Guid channelId, Func<ChatEvent, Task> handler)
        : IDisposable
    {
        private int _disposed;

        public Guid ChannelId { get; } = channelId;

        public Func<ChatEvent, Task> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(this);
            }
        }
    }
}
