namespace Chat.Web.Components.Layout;

/// <summary>The viewer's time zone (from their browser's cookie at the first render, and again once per circuit) for showing times and days.</summary>
public sealed class ViewerClock(TimeProvider clock)
{
    /// <summary>The cookie in which the browser keeps its IANA zone id (shell.js), read by every page's first render.</summary>
    public const string CookieName = "chat.tz";

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Raised when the browser's zone replaces the one assumed so far.</summary>
    public event Action? ZoneChanged;

    /// <summary>Takes the browser's IANA zone id; unknown ids leave UTC in place.</summary>
    public bool Use(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) || zone.Equals(Zone))
        {
            return false;
        }

        Zone = zone;
        ZoneChanged?.Invoke();
        return true;
    }

    public DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The viewer's calendar day of the instant.</summary>
    public DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(ToLocal(at).DateTime);

    /// <summary>"Today", "Yesterday", or the weekday and date, as Slack labels its day separators.</summary>
    public string DayLabel(DateTimeOffset at)
    {
        var day = Day(at);
        var today = Day(clock.GetUtcNow());
        return day == today ? "Today"
            : day == today.AddDays(-1) ? "Yesterday"
            : day.ToString(day.Year == today.Year ? "dddd, d MMMM" : "dddd, d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How long ago, in words ("just now", "5 minutes ago", "yesterday"), for times that age while shown.</summary>
    public string Ago(DateTimeOffset at)
    {
        var elapsed = clock.GetUtcNow() - at;
        return elapsed < TimeSpan.FromMinutes(1) ? "just now"
            : elapsed < TimeSpan.FromHours(1) ? Plural((int)elapsed.TotalMinutes, "minute")
            : elapsed < TimeSpan.FromDays(1) && DayLabel(at) == "Today" ? Plural((int)elapsed.TotalHours, "hour")
            : DayLabel(at) == "Yesterday" ? "yesterday"
            : DayLabel(at);
    }

    /// <summary>The exact local time, for hover text.</summary>
    public string Exact(DateTimeOffset at) => Exact(at, Zone);

    /// <summary>The exact time in <paramref name="zone"/>, for hover text shared by the viewers in that zone.</summary>
    public static string Exact(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("dddd, d MMMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static string Plural(int count, string unit) => $"{count} {unit}{(count == 1 ? string.Empty : "s")} ago";
}
