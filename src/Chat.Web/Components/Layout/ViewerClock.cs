namespace Chat.Web.Components.Layout;

/// <summary>The viewer's time zone (reported by their browser once per circuit) for showing times and days.</summary>
public sealed class ViewerClock(TimeProvider clock)
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Takes the browser's IANA zone id; unknown ids leave UTC in place.</summary>
    public bool Use(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) || zone.Equals(Zone))
        {
            return false;
        }

        Zone = zone;
        return true;
    }

    public DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>"Today", "Yesterday", or the weekday and date, as Slack labels its day separators.</summary>
    public string DayLabel(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(ToLocal(at).DateTime);
        var today = DateOnly.FromDateTime(ToLocal(clock.GetUtcNow()).DateTime);
        return day == today ? "Today"
            : day == today.AddDays(-1) ? "Yesterday"
            : day.ToString(day.Year == today.Year ? "dddd, d MMMM" : "dddd, d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
    }
}
