using System.Security.Claims;
using System.Text.Encodings.Web;
using Chat.Application.Tokens.AuthenticateAccessToken;
using Chat.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chat.Web.Security;

/// <summary>
/// Signs in API and hub clients by an access token in <c>Authorization: Bearer</c> (or, for a WebSocket, which cannot
/// send headers from a browser, the <c>access_token</c> query parameter on the hub's path). The user must still be
/// allowed to sign in: a locked-out account's tokens stop working too.
/// </summary>
internal sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthenticateAccessTokenHandler tokens,
    UserManager<ApplicationUser> users,
    IUserClaimsPrincipalFactory<ApplicationUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    /// <summary>The claim naming the token a request was made with.</summary>
    public const string TokenIdClaim = "chat:token";

    /// <summary>The claim with the token's expiry (Unix seconds), so a long-lived connection can end with it.</summary>
    public const string ExpiresClaim = "chat:token_expires";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = PresentedSecret();
        if (secret is null)
        {
            return AuthenticateResult.NoResult();
        }

        var holder = await tokens.HandleAsync(new AuthenticateAccessToken(secret), Context.RequestAborted);
        if (!holder.Succeeded)
        {
            return AuthenticateResult.Fail(holder.Error!.Message);
        }

        var user = await users.FindByIdAsync(holder.Value.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail(AuthenticateAccessTokenHandler.Refused.Message);
        }

        var claims = (await principals.CreateAsync(user)).Claims.ToList();
        claims.Add(new Claim(TokenIdClaim, holder.Value.TokenId.ToString()));
        if (holder.Value.ExpiresAt is { } expires)
        {
            claims.Add(new Claim(ExpiresClaim, expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var failed = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        await Results.Problem(
            title: failed ? AuthenticateAccessTokenHandler.Refused.Message : "An access token is required: send it as Authorization: Bearer <token>.",
            statusCode: StatusCodes.Status401Unauthorized,
            extensions: new Dictionary<string, object?> { ["code"] = failed ? AuthenticateAccessTokenHandler.Refused.Code : "token.required" })
            .ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(
            title: "Your account may not do that.", statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["code"] = "auth.forbidden" })
            .ExecuteAsync(Context);

    private string? PresentedSecret()
    {
        string? header = Request.Headers.Authorization;
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return Request.Path.StartsWithSegments("/hubs") && Request.Query.TryGetValue("access_token", out var query)
            ? query.ToString()
            : null;
    }
}
