using System.Collections.Concurrent;
using Chat.Application.Common;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Messages;

/// <summary>
/// A token bucket per user on this node: a burst of N sends, refilling at N per second. Time comes from
/// <see cref="TimeProvider"/>, so the limit is exact in tests too.
/// </summary>
internal sealed class RateLimits(IOptions<MessagingOptions> options, TimeProvider clock) : IRateLimits
{
    private readonly ConcurrentDictionary<string, Bucket> _sends = new();
    private readonly int _perSecond = options.Value.SendsPerSecond;

    public bool TryAcquireSend(string userId)
    {
        var bucket = _sends.GetOrAdd(userId, _ => new Bucket(_perSecond, clock.GetUtcNow()));
        lock (bucket)
        {
            var now = clock.GetUtcNow();
            var refill = (now - bucket.RefilledAt).TotalSeconds * _perSecond;
            bucket.Tokens = Math.Min(_perSecond, bucket.Tokens + refill);
            bucket.RefilledAt = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens--;
            return true;
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset refilledAt)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset RefilledAt { get; set; } = refilledAt;
    }
}
