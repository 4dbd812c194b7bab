using System.Collections.Concurrent;
using Chat.Application.Events;
using Chat.Application.Messages;
using Chat.E2E.Tests;
using Chat.Infrastructure.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Tests.Events;

/// <summary>Two nodes' event buses over the real Redis the test command started.</summary>
public sealed class RedisChatEventsTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly Node _a = new();
    private readonly Node _b = new();

    [Fact]
    public async Task An_event_reaches_subscribers_on_every_node_once_and_the_outlets_of_its_node_only()
    {
        var channel = Guid.NewGuid();
        var onA = Watch(_a, channel);
        var onB = Watch(_b, channel);

        _a.Events.Publish(Posted(channel, 1, "from A"));
        _b.Events.Publish(Posted(channel, 2, "from B"));

        await Eventually.TrueAsync(() => Task.FromResult(onA.Count == 2 && onB.Count == 2), Wait, "both nodes have both events");
        foreach (var received in new[] { onA, onB })
        {
            received.OfType<MessagePosted>().Select(e => (e.Sequence, e.Message.Body)).Order().ShouldBe([(1L, "from A"), (2L, "from B")]);
        }

        _a.Outlet.Sent.Select(e => ((MessagePosted)e).Sequence).ShouldBe([1L]);
        _b.Outlet.Sent.Select(e => ((MessagePosted)e).Sequence).ShouldBe([2L]);
    }

    [Fact]
    public async Task A_users_events_reach_their_stream_on_the_other_node_with_every_field()
    {
        var channel = Guid.NewGuid();
        var received = new ConcurrentQueue<ChatEvent>();
        using var subscription = _b.Events.SubscribeUser("bob", e =>
        {
            received.Enqueue(e);
            return Task.CompletedTask;
        });

        // Alice's event goes first: Redis keeps a publisher's order, so had it reached Bob it would be there before his.
        _a.Events.PublishToUser("alice", new MembersChanged(channel, ["alice"], []));
        _a.Events.PublishToUser("bob", new MembersChanged(channel, ["bob", "carol"], ["dan"]));

        await Eventually.TrueAsync(() => Task.FromResult(!received.IsEmpty), Wait, "bob's stream on B has the event");
        var changed = received.ShouldHaveSingleItem().ShouldBeOfType<MembersChanged>();
        changed.ChannelId.ShouldBe(channel);
        changed.Added.ShouldBe(["bob", "carol"]);
        changed.Removed.ShouldBe(["dan"]);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    private static ConcurrentQueue<ChatEvent> Watch(Node node, Guid channel)
    {
        var received = new ConcurrentQueue<ChatEvent>();
        node.Subscriptions.Add(node.Events.Subscribe(channel, e =>
        {
            received.Enqueue(e);
            return Task.CompletedTask;
        }));
        return received;
    }

    private static MessagePosted Posted(Guid channelId, long sequence, string body) =>
        new(new MessageDto(Guid.NewGuid(), channelId, sequence, "u", "U", body, $"<p>{body}</p>", DateTimeOffset.UtcNow, 1));

    private sealed class Node : IDisposable
    {
        public Node()
        {
            var redis = Environment.GetEnvironmentVariable("CHAT_TEST_REDIS");
            redis.ShouldNotBeNullOrEmpty("./test.sh starts Redis for these tests");
            Redis = new RedisConnection(Options.Create(new RedisOptions { Connection = redis }));
            Events = new RedisChatEvents(
                new InProcessChatEvents(NullLogger<InProcessChatEvents>.Instance, [Outlet]), Redis, NullLogger<RedisChatEvents>.Instance);
        }

        public RecordingOutlet Outlet { get; } = new();

        public RedisConnection Redis { get; }

        public RedisChatEvents Events { get; }

        public List<IDisposable> Subscriptions { get; } = [];

        public void Dispose()
        {
            Subscriptions.ForEach(s => s.Dispose());
            Redis.Dispose();
        }
    }

    private sealed class RecordingOutlet : IChatEventOutlet
    {
        public ConcurrentQueue<ChatEvent> Sent { get; } = new();

        public void Published(ChatEvent chatEvent) => Sent.Enqueue(chatEvent);

        public void PublishedToUser(string userId, ChatEvent chatEvent)
        {
        }
    }
}
