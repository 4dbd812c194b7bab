using Chat.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Chat.Infrastructure.Identity;

/// <summary>A workspace account: ASP.NET Core Identity's user plus the profile fields the app shows.</summary>
public sealed class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>What colleagues type after @ to mention this user; unique, see <see cref="UserHandle"/>.</summary>
    public string Handle { get; set; } = string.Empty;

    public ThemePreference Theme { get; set; } = ThemePreference.System;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A bot: no password, it acts through access tokens only.</summary>
    public bool IsBot { get; set; }
}
