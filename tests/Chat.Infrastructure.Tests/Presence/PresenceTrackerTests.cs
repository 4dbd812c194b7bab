using Chat.Application.Presence;
using Chat.Infrastructure.Presence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Infrastructure.Tests.Presence;

public sealed class PresenceTrackerTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-28T09:00:00Z"));
    private readonly PresenceTracker _presence;
    private readonly List<(string UserId, PresenceStatus Status)> _seen = [];

    public PresenceTrackerTests() => _presence = new PresenceTracker(_clock, NullLogger<PresenceTracker>.Instance);

    [Fact]
    public void Online_while_a_tab_is_connected_and_offline_when_the_last_one_closes()
    {
        using var watch = Watch("ann");

        var first = _presence.Connected("ann");
        var second = _presence.Connected("ann");
        first.Dispose();
        _presence.StatusOf("ann").ShouldBe(PresenceStatus.Online, "another tab is still open");
        second.Dispose();

        _presence.StatusOf("ann").ShouldBe(PresenceStatus.Offline);
        _seen.ShouldBe([("ann", PresenceStatus.Online), ("ann", PresenceStatus.Offline)]);
    }

    [Fact]
    public void Idle_users_turn_away_by_themselves_and_online_again_when_active()
    {
        using var watch = Watch("ann");
        using var tab = _presence.Connected("ann");

        _clock.Advance(PresenceTracker.AwayAfter + TimeSpan.FromSeconds(30));
        _presence.StatusOf("ann").ShouldBe(PresenceStatus.Away);
        _presence.Active("ann");

        _presence.StatusOf("ann").ShouldBe(PresenceStatus.Online);
        _seen.ShouldBe([("ann", PresenceStatus.Online), ("ann", PresenceStatus.Away), ("ann", PresenceStatus.Online)]);
    }

    [Fact]
    public void Do_not_disturb_shows_while_connected_and_survives_closing_the_tab()
    {
        using var tab = _presence.Connected("ann");
        _presence.SetDoNotDisturb("ann", true);
        _presence.StatusOf("ann").ShouldBe(PresenceStatus.DoNotDisturb);

        tab.Dispose();
        _presence.StatusOf("ann").ShouldBe(PresenceStatus.Offline);
        using var again = _presence.Connected("ann");

        _presence.StatusOf("ann").ShouldBe(PresenceStatus.DoNotDisturb);
    }

    [Fact]
    public void A_disposed_watch_hears_nothing_more()
    {
        Watch("ann").Dispose();

        using var tab = _presence.Connected("ann");

        _seen.ShouldBeEmpty();
    }

    public void Dispose() => _presence.Dispose();

    private IDisposable Watch(string userId) => _presence.Watch([userId], (user, status) =>
    {
        lock (_seen)
        {
            _seen.Add((user, status));
        }

        return Task.CompletedTask;
    });
}
