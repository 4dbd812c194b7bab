using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Chat.Infrastructure.Identity;

namespace Chat.Web.Components.Account;

internal sealed partial class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        uri ??= "";

        // Prevent open redirects.
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative)
            || uri.StartsWith("//", StringComparison.Ordinal))
        {
            uri = navigationManager.ToBaseRelativePath(uri);
        }

        navigationManager.NavigateTo(uri);
    }

    /// <summary>The browser's note of the conversation last open (set by the channel page): "{user id}.{channel name}".</summary>
    public const string LastConversationCookieName = "chat.last";

    /// <summary>
    /// Where a sign-in lands: the address that was asked for, else the conversation this person had open last in this
    /// browser, else Home.
    /// </summary>
    public void RedirectAfterSignIn(string? returnUrl, string? userId, HttpContext context)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl is "/" or "~/")
        {
            returnUrl = LastConversation(context, userId) ?? returnUrl;
        }

        RedirectTo(returnUrl);
    }

    private static string? LastConversation(HttpContext context, string? userId) =>
        userId is not null
        && context.Request.Cookies[LastConversationCookieName] is { } note
        && note.Split('.') is [var owner, var name]
        && owner == userId
        && ChannelNamePattern().IsMatch(name)
            ? $"c/{name}"
            : null;

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,79}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ChannelNamePattern();

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<ApplicationUser> userManager, HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", $"Error: Unable to load user with ID '{userManager.GetUserId(context.User)}'.", context);
}
