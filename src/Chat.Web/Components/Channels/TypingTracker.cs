namespace Chat.Web.Components.Channels;

/// <summary>
/// Who is typing in one channel: each signal shows a name for a few seconds, a message from that person ends
/// it early. Expiry runs through the owner's dispatcher, so all changes happen on the renderer's thread.
/// </summary>
public sealed class TypingTracker(TimeProvider clock, Func<Func<Task>, Task> dispatch, Action changed) : IDisposable
{
    /// <summary>How long a name shows after its last signal; clients signal every few seconds while typing.</summary>
    public static readonly TimeSpan ShownFor = TimeSpan.FromSeconds(6);

    private readonly Dictionary<string, (string Name, DateTimeOffset Until)> _typing = [];
    private ITimer? _expiry;

    // Kept until someone starts or stops: every message in the channel asks for them, in every viewer's tab.
    private IReadOnlyList<string>? _names;

    /// <summary>Names of those typing now, in the order they started.</summary>
    public IReadOnlyList<string> Names => _names ??= [.. _typing.Values.Select(t => t.Name)];

    public void Typing(string userId, string name)
    {
        _typing[userId] = (name, clock.GetUtcNow() + ShownFor);
        _names = null;
        ScheduleExpiry();
        changed();
    }

    /// <summary>The person sent their message; they are no longer typing it.</summary>
    public void Sent(string userId)
    {
        if (_typing.Remove(userId))
        {
            _names = null;
        }
    }

    public void Dispose()
    {
        _expiry?.Dispose();
        _typing.Clear();
        _names = null;
    }

    private void ScheduleExpiry()
    {
        _expiry?.Dispose();
        var next = _typing.Values.Min(t => t.Until) - clock.GetUtcNow();
        _expiry = clock.CreateTimer(
            _ => _ = dispatch(() =>
            {
                Expire();
                return Task.CompletedTask;
            }),
            null,
            next > TimeSpan.Zero ? next : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
    }

    private void Expire()
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _typing.Where(t => t.Value.Until <= now).Select(t => t.Key).ToList())
        {
            _typing.Remove(expired);
        }

        _names = null;

        if (_typing.Count > 0)
        {
            ScheduleExpiry();
        }

        changed();
    }
}
