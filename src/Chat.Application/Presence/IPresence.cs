namespace Chat.Application.Presence;

/// <summary>
/// Who is online: connected and active, away (connected but idle), or offline, and who asked not to be disturbed.
/// Ephemeral: kept in memory by each node, never stored.
/// </summary>
public interface IPresence
{
    /// <summary>The user's status as colleagues see it now.</summary>
    PresenceStatus StatusOf(string userId);

    /// <summary>A browser tab or client of the user connected; disposing the handle says it went away.</summary>
    IDisposable Connected(string userId);

    /// <summary>The user did something (typed, clicked, moved the mouse); an away user is online again.</summary>
    void Active(string userId);

    /// <summary>Turns do-not-disturb on or off: shown to colleagues, and notifications hold back.</summary>
    void SetDoNotDisturb(string userId, bool on);

    /// <summary>Calls <paramref name="changed"/> with the user and their new status whenever one of them changes, until disposed.</summary>
    IDisposable Watch(IReadOnlyCollection<string> userIds, Func<string, PresenceStatus, Task> changed);
}

public enum PresenceStatus
{
    Offline,
    Away,
    Online,
    DoNotDisturb,
}
