using System.Collections.Concurrent;
using Chat.Application.Presence;
using Chat.E2E.Tests;
using Chat.Infrastructure.Events;
using Chat.Infrastructure.Presence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Infrastructure.Tests.Presence;

/// <summary>Presence seen across two nodes through the real Redis the test command started.</summary>
public sealed class ClusterPresenceTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly Node _a = new();
    private readonly Node _b = new();

    [Fact]
    public async Task A_person_connected_on_one_node_is_seen_online_away_from_it_and_offline_when_they_leave()
    {
        var seenOnB = Watch(_b, "bob");

        var tab = _a.Presence.Connected("bob");
        await Eventually.TrueAsync(() => Task.FromResult(seenOnB.LastOrDefault() == PresenceStatus.Online), Wait, "B sees bob online");
        _b.Presence.StatusOf("bob").ShouldBe(PresenceStatus.Online);

        _a.Presence.SetDoNotDisturb("bob", true);
        await Eventually.TrueAsync(() => Task.FromResult(seenOnB.LastOrDefault() == PresenceStatus.DoNotDisturb), Wait, "B sees do not disturb");

        tab.Dispose();
        await Eventually.TrueAsync(() => Task.FromResult(seenOnB.LastOrDefault() == PresenceStatus.Offline), Wait, "B sees bob leave");
    }

    [Fact]
    public async Task A_tab_on_each_node_keeps_a_person_online_until_both_are_gone()
    {
        var onB = _b.Presence.Connected("carol");
        await Eventually.TrueAsync(() => Task.FromResult(_a.Presence.StatusOf("carol") == PresenceStatus.Online), Wait, "A sees her tab on B");
        var onA = _a.Presence.Connected("carol");

        onA.Dispose();
        _a.Presence.StatusOf("carol").ShouldBe(PresenceStatus.Online, "her tab on B is still open");

        onB.Dispose();
        await Eventually.TrueAsync(() => Task.FromResult(_a.Presence.StatusOf("carol") == PresenceStatus.Offline), Wait, "A sees carol gone");
    }

    [Fact]
    public async Task The_people_of_a_node_that_stops_answering_go_offline_on_their_own()
    {
        var seenOnB = Watch(_b, "dan");
        _a.Presence.Connected("dan");
        await Eventually.TrueAsync(() => Task.FromResult(seenOnB.LastOrDefault() == PresenceStatus.Online), Wait, "B sees dan online");

        // Node A dies: no goodbye, no more heartbeats.
        _a.Dispose();

        await Eventually.TrueAsync(() => Task.FromResult(seenOnB.LastOrDefault() == PresenceStatus.Offline), Wait, "B lets dan go offline");
    }

    [Fact]
    public void A_heartbeat_after_the_redis_connection_closed_does_not_take_the_node_down()
    {
        // A timer callback that throws ends the process: the test host died this way in a run of the test command when a
        // node shut down mid-beat.
        var clock = new FakeTimeProvider();
        var redis = new RedisConnection(Options.Create(new RedisOptions { Connection = Environment.GetEnvironmentVariable("CHAT_TEST_REDIS") }));
        using var presence = new ClusterPresence(
            new PresenceTracker(clock, NullLogger<PresenceTracker>.Instance), redis, clock, NullLogger<ClusterPresence>.Instance, TimeSpan.FromSeconds(30));
        using var tab = presence.Connected("erin");

        redis.Dispose();

        Should.NotThrow(() => clock.Advance(presence.HeartbeatEvery));
        presence.StatusOf("erin").ShouldBe(PresenceStatus.Online);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    private static ConcurrentQueue<PresenceStatus> Watch(Node node, string userId)
    {
        var seen = new ConcurrentQueue<PresenceStatus>();
        node.Presence.Watch([userId], (_, status) =>
        {
            seen.Enqueue(status);
            return Task.CompletedTask;
        });
        return seen;
    }

    private sealed class Node : IDisposable
    {
        private readonly RedisConnection _redis;
        private bool _disposed;

        public Node()
        {
            var redis = Environment.GetEnvironmentVariable("CHAT_TEST_REDIS");
            redis.ShouldNotBeNullOrEmpty("./test.sh starts Redis for these tests");
            _redis = new RedisConnection(Options.Create(new RedisOptions { Connection = redis }));
            Presence = new ClusterPresence(
                new PresenceTracker(TimeProvider.System, NullLogger<PresenceTracker>.Instance), _redis, TimeProvider.System,
                NullLogger<ClusterPresence>.Instance, heartbeatEvery: TimeSpan.FromMilliseconds(200));
        }

        public ClusterPresence Presence { get; }

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Presence.Dispose();
                _redis.Dispose();
            }
        }
    }
}
