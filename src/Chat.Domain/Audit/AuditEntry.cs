namespace Chat.Domain.Audit;

/// <summary>
/// One line of the append-only audit log: who did what to what, when, and from where. Security-relevant events
/// the system itself notices (malware found) have no actor.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxDetailLength = 1000;

    private AuditEntry()
    {
        Action = TargetType = TargetId = string.Empty;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The user who acted; null when the system did.</summary>
    public string? ActorId { get; private set; }

    /// <summary>A stable dotted name, e.g. <c>file.infected</c>.</summary>
    public string Action { get; private set; }

    public string TargetType { get; private set; }

    public string TargetId { get; private set; }

    public string? Detail { get; private set; }

    /// <summary>The address the request came from, when there was one.</summary>
    public string? IpAddress { get; private set; }

    public static AuditEntry Record(
        DateTimeOffset at, string? actorId, string action, string targetType, string targetId, string? detail = null, string? ipAddress = null) =>
        new()
        {
            At = at,
            ActorId = actorId,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
            IpAddress = ipAddress,
        };
}
