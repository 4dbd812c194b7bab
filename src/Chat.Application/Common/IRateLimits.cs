namespace Chat.Application.Common;

/// <summary>Per-user budgets for actions that could flood others (sending messages).</summary>
public interface IRateLimits
{
    /// <summary>Takes one unit of the user's send budget; false when it is used up for now.</summary>
    bool TryAcquireSend(string userId);
}
