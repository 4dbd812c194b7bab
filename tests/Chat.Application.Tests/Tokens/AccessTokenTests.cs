using Chat.Application.Tokens;
using Chat.Application.Tokens.AuthenticateAccessToken;
using Chat.Application.Tokens.CreateAccessToken;
using Chat.Application.Tokens.ListAccessTokens;
using Chat.Application.Tokens.RevokeAccessToken;
using Chat.Domain.Tokens;

namespace Chat.Application.Tests.Tokens;

public sealed class AccessTokenTests
{
    private readonly InMemoryAccessTokenStore _store = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_new_tokens_secret_signs_its_owner_in_and_only_its_hash_is_kept()
    {
        var created = (await Create("alice", "deploy bot")).Value;

        created.Secret.ShouldStartWith(TokenSecrets.Prefix);
        created.Token.Hint.ShouldBe(created.Secret[..10]);
        var stored = _store.Tokens.ShouldHaveSingleItem();
        stored.SecretHash.ShouldNotContain(created.Secret[10..]);
        (await Authenticate(created.Secret)).Value.UserId.ShouldBe("alice");
        (await Authenticate(created.Secret + "x")).Error.ShouldBe(AuthenticateAccessTokenHandler.Refused);
        (await Authenticate("not a token")).Error.ShouldBe(AuthenticateAccessTokenHandler.Refused);
    }

    [Fact]
    public async Task A_token_stops_working_when_it_expires_or_is_revoked()
    {
        var expiring = (await Create("alice", "ci", expiresInDays: 7)).Value;
        var revoked = (await Create("alice", "laptop")).Value;

        (await new RevokeAccessTokenHandler(FixedActor.User("alice"), _store, _clock).HandleAsync(new RevokeAccessToken(revoked.Token.Id)))
            .Value.RevokedAt.ShouldBe(_clock.GetUtcNow());
        (await Authenticate(revoked.Secret)).Succeeded.ShouldBeFalse();

        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        (await Authenticate(expiring.Secret)).Succeeded.ShouldBeTrue();
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await Authenticate(expiring.Secret)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Nobody_revokes_or_sees_someone_elses_token()
    {
        var alices = (await Create("alice", "ci")).Value;

        (await new RevokeAccessTokenHandler(FixedActor.User("bob"), _store, _clock).HandleAsync(new RevokeAccessToken(alices.Token.Id)))
            .Error!.Code.ShouldBe("token.not_found");
        (await new ListAccessTokensHandler(FixedActor.User("bob"), _store).HandleAsync(new ListAccessTokens())).Value.ShouldBeEmpty();
        (await Authenticate(alices.Secret)).Succeeded.ShouldBeTrue();
        (await new CreateAccessTokenHandler(FixedActor.Anonymous, _store, _clock).HandleAsync(new CreateAccessToken("x")))
            .Error!.Code.ShouldBe("auth.required");
    }

    [Theory]
    [InlineData("", null, "token.name_required")]
    [InlineData("ci", 0, "token.expiry_range")]
    [InlineData("ci", 367, "token.expiry_range")]
    public async Task A_token_needs_a_name_and_a_sensible_lifetime(string name, int? days, string code)
    {
        (await Create("alice", name, days)).Error!.Code.ShouldBe(code);
        _store.Tokens.ShouldBeEmpty();
    }

    [Fact]
    public async Task At_most_twenty_tokens_are_in_use_at_once()
    {
        for (var i = 0; i < CreateAccessTokenHandler.MaxActivePerUser; i++)
        {
            (await Create("alice", $"token {i}")).Succeeded.ShouldBeTrue();
        }

        (await Create("alice", "one more")).Error!.Code.ShouldBe("token.too_many");
        await new RevokeAccessTokenHandler(FixedActor.User("alice"), _store, _clock).HandleAsync(new RevokeAccessToken(_store.Tokens[0].Id));
        (await Create("alice", "one more")).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Its_last_use_is_shown_to_its_owner_updated_at_most_once_a_minute()
    {
        var created = (await Create("alice", "ci")).Value;
        await Authenticate(created.Secret);
        var firstUse = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(30));
        await Authenticate(created.Secret);

        (await List("alice")).ShouldHaveSingleItem().LastUsedAt.ShouldBe(firstUse);
        _store.Saves.ShouldBe(1);

        _clock.Advance(TimeSpan.FromSeconds(31));
        await Authenticate(created.Secret);
        (await List("alice")).Single().LastUsedAt.ShouldBe(_clock.GetUtcNow());
    }

    private Task<Chat.Domain.Common.Result<CreatedAccessToken>> Create(string user, string name, int? expiresInDays = null) =>
        new CreateAccessTokenHandler(FixedActor.User(user), _store, _clock).HandleAsync(new CreateAccessToken(name, expiresInDays));

    private Task<Chat.Domain.Common.Result<TokenHolder>> Authenticate(string secret) =>
        new AuthenticateAccessTokenHandler(_store, _clock).HandleAsync(new AuthenticateAccessToken(secret));

    private async Task<IReadOnlyList<AccessTokenDto>> List(string user) =>
        (await new ListAccessTokensHandler(FixedActor.User(user), _store).HandleAsync(new ListAccessTokens())).Value;

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>Keeps tokens as the database does: a copy per read, so only saved changes last.</summary>
    private sealed class InMemoryAccessTokenStore : IAccessTokenStore
    {
        public List<AccessToken> Tokens { get; } = [];

        public int Saves { get; private set; }

        public Task AddAsync(AccessToken token, CancellationToken cancellationToken)
        {
            Tokens.Add(token);
            return Task.CompletedTask;
        }

        public Task<AccessToken?> FindAsync(Guid id, CancellationToken cancellationToken) =>
            Task.FromResult(Copy(Tokens.SingleOrDefault(t => t.Id == id)));

        public Task<AccessToken?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken) =>
            Task.FromResult(Copy(Tokens.SingleOrDefault(t => t.SecretHash == secretHash)));

        public Task<IReadOnlyList<AccessToken>> ListForUserAsync(string userId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AccessToken>>([.. Tokens.Where(t => t.UserId == userId).Select(t => Copy(t)!)]);

        public Task<IReadOnlySet<Guid>> ListEndedAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<Guid>>(ids.Where(id => Tokens.SingleOrDefault(t => t.Id == id) is not { } t || !t.IsActive(now)).ToHashSet());

        public Task SaveAsync(AccessToken token, CancellationToken cancellationToken)
        {
            Tokens[Tokens.FindIndex(t => t.Id == token.Id)] = token;
            Saves++;
            return Task.CompletedTask;
        }

        private static AccessToken? Copy(AccessToken? token) =>
            token is null ? null : (AccessToken)typeof(AccessToken).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.Invoke(token, null)!;
    }
}
