using System.Collections.Concurrent;
using System.Collections.Immutable;
using Chat.Application.Events;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Events;

/// <summary>
/// Delivers events to the subscribers of this process, per channel and per user. A slow or failing subscriber never
/// holds up the publisher or the other subscribers. Each event also goes to the outlets (the API hub).
/// </summary>
internal sealed partial class InProcessChatEvents(ILogger<InProcessChatEvents> logger, IEnumerable<IChatEventOutlet> outlets)
    : IChatEvents
{
    private readonly ConcurrentDictionary<string, ImmutableList<Subscription>> _byAudience = new(StringComparer.Ordinal);
    private readonly IChatEventOutlet[] _outlets = [.. outlets];

    public void Publish(ChatEvent chatEvent)
    {
        Deliver(ChannelKey(chatEvent.ChannelId), chatEvent);
        ToOutlets(chatEvent, outlet => outlet.Published(chatEvent));
    }

    public IDisposable Subscribe(Guid channelId, Func<ChatEvent, Task> handler) => Add(ChannelKey(channelId), handler);

    public void PublishToUser(string userId, ChatEvent chatEvent)
    {
        Deliver(UserKey(userId), chatEvent);
        ToOutlets(chatEvent, outlet => outlet.PublishedToUser(userId, chatEvent));
    }

    public IDisposable SubscribeUser(string userId, Func<ChatEvent, Task> handler) => Add(UserKey(userId), handler);

    private static string ChannelKey(Guid channelId) => "c:" + channelId.ToString("N");

    private static string UserKey(string userId) => "u:" + userId;

    private void Deliver(string audience, ChatEvent chatEvent)
    {
        if (!_byAudience.TryGetValue(audience, out var subscribers))
        {
            return;
        }

        // Each on the thread pool, so a slow subscriber holds up nobody. The publisher's execution context (its
        // request, its identity) is not the subscriber's, so it does not flow: nothing to capture for every delivery.
        foreach (var subscriber in subscribers)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static delivery => delivery.Run(), new Delivery(this, subscriber, chatEvent), preferLocal: false);
        }
    }

    /// <summary>Delivers an event another node published to this node's subscribers (its outlets had it there).</summary>
    public void DeliverFromElsewhere(ChatEvent chatEvent, string? userId) =>
        Deliver(userId is null ? ChannelKey(chatEvent.ChannelId) : UserKey(userId), chatEvent);

    private void ToOutlets(ChatEvent chatEvent, Action<IChatEventOutlet> send)
    {
        foreach (var outlet in _outlets)
        {
            try
            {
                send(outlet);
            }
            catch (Exception e)
            {
                LogDeliveryFailed(e, chatEvent.GetType().Name, chatEvent.ChannelId);
            }
        }
    }

    private Subscription Add(string audience, Func<ChatEvent, Task> handler)
    {
        var subscription = new Subscription(this, audience, handler);
        _byAudience.AddOrUpdate(audience, [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    /// <summary>How many handlers watch the channel now (for tests and diagnostics).</summary>
    public int SubscriberCount(Guid channelId) =>
        _byAudience.TryGetValue(ChannelKey(channelId), out var subscribers) ? subscribers.Count : 0;

    private void Unsubscribe(Subscription subscription)
    {
        var remaining = _byAudience.AddOrUpdate(
            subscription.Audience, [], (_, list) => list.Remove(subscription));
        if (remaining.IsEmpty)
        {
            _byAudience.TryRemove(new KeyValuePair<string, ImmutableList<Subscription>>(subscription.Audience, remaining));
        }
    }

    // A handler that completes at once (most) costs no state machine: the method then completes synchronously.
    private async Task HandleAsync(Subscription subscriber, ChatEvent chatEvent)
    {
        try
        {
            await subscriber.Handler(chatEvent);
        }
        catch (Exception e)
        {
            LogDeliveryFailed(e, chatEvent.GetType().Name, chatEvent.ChannelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering {Event} for channel {ChannelId} failed")]
    private partial void LogDeliveryFailed(Exception exception, string @event, Guid channelId);

    private readonly record struct Delivery(InProcessChatEvents Owner, Subscription Subscriber, ChatEvent Event)
    {
        public void Run() => _ = Owner.HandleAsync(Subscriber, Event);
    }

    private sealed class Subscription(InProcessChatEvents owner, string audience, Func<ChatEvent, Task> handler)
        : IDisposable
    {
        private int _disposed;

        /// <summary>"c:" and a channel id, or "u:" and a user id.</summary>
        public string Audience { get; } = audience;

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
