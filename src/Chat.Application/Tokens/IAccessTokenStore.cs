using Chat.Domain.Tokens;

namespace Chat.Application.Tokens;

/// <summary>Where access tokens are kept (their hashes, never their secrets).</summary>
public interface IAccessTokenStore
{
    Task AddAsync(AccessToken token, CancellationToken cancellationToken);

    Task<AccessToken?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<AccessToken?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    /// <summary>The user's tokens, newest first, revoked ones included.</summary>
    Task<IReadOnlyList<AccessToken>> ListForUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="ids"/> that no longer sign anyone in at <paramref name="now"/>: revoked, expired or gone.</summary>
    Task<IReadOnlySet<Guid>> ListEndedAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stores what changed on a token found here (revoked, last used).</summary>
    Task SaveAsync(AccessToken token, CancellationToken cancellationToken);
}
