namespace Chat.Application.Tokens;

/// <summary>Tells which tokens held by open connections no longer sign anyone in, so those connections are closed.</summary>
public sealed class EndedTokens(IAccessTokenStore tokens, TimeProvider clock)
{
    public Task<IReadOnlySet<Guid>> AmongAsync(IReadOnlyCollection<Guid> tokenIds, CancellationToken cancellationToken) =>
        tokenIds.Count == 0
            ? Task.FromResult<IReadOnlySet<Guid>>(new HashSet<Guid>())
            : tokens.ListEndedAsync(tokenIds, clock.GetUtcNow(), cancellationToken);
}
