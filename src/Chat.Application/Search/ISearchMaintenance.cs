namespace Chat.Application.Search;

/// <summary>Looking after this node's search index: its state, and rebuilding it from the database.</summary>
public interface ISearchMaintenance
{
    /// <summary>Queues a rebuild as a background job; searches keep using the current index until the new one is ready.</summary>
    void RequestRebuild(DateTimeOffset at);

    SearchIndexStatus Status();
}

/// <param name="Documents">Messages in the live index.</param>
/// <param name="AppliedPosition">How far along the change feed the live index is.</param>
/// <param name="Rebuild">The latest rebuild on this node, if any since it started.</param>
public sealed record SearchIndexStatus(int Documents, long AppliedPosition, RebuildProgress? Rebuild);

/// <param name="Done">Messages copied into the new index so far.</param>
/// <param name="Total">Messages to copy, counted when the copy started.</param>
public sealed record RebuildProgress(RebuildState State, long Done, long Total, DateTimeOffset RequestedAt, DateTimeOffset? FinishedAt, string? Failure)
{
    public bool IsUnderWay => State is RebuildState.Queued or RebuildState.Running;
}

public enum RebuildState
{
    Queued,
    Running,
    Finished,
    Failed,
}
