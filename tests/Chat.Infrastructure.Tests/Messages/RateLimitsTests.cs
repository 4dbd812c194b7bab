using Chat.Infrastructure.Messages;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Tests.Messages;

public class RateLimitsTests
{
    private readonly ManualClock _clock = new();
    private readonly RateLimits _limits;

    public RateLimitsTests() =>
        _limits = new RateLimits(Options.Create(new MessagingOptions { SendsPerSecond = 10 }), _clock);

    [Fact]
    public void A_burst_of_ten_passes_and_the_eleventh_is_refused()
    {
        Enumerable.Range(0, 10).Select(_ => _limits.TryAcquireSend("ann")).ShouldAllBe(sent => sent);

        _limits.TryAcquireSend("ann").ShouldBeFalse();
    }

    [Fact]
    public void The_budget_refills_with_time_and_is_per_user()
    {
        for (var i = 0; i < 10; i++)
        {
            _limits.TryAcquireSend("ann");
        }

        _limits.TryAcquireSend("bob").ShouldBeTrue();
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        _limits.TryAcquireSend("ann").ShouldBeTrue();
        _limits.TryAcquireSend("ann").ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(5));
        Enumerable.Range(0, 10).Select(_ => _limits.TryAcquireSend("ann")).ShouldAllBe(sent => sent);
        _limits.TryAcquireSend("ann").ShouldBeFalse();
    }
}

/// <summary>A clock that moves only when told to.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
