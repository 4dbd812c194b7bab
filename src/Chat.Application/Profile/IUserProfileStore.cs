using Chat.Domain.Users;

namespace Chat.Application.Profile;

/// <summary>Reads and writes the profile fields of user accounts.</summary>
public interface IUserProfileStore
{
    /// <summary>The profile of a user, or null when no such account exists.</summary>
    Task<UserProfile?> FindAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Stores a new display name; returns false when the account does not exist.</summary>
    Task<bool> SetDisplayNameAsync(string userId, DisplayName displayName, CancellationToken cancellationToken);

    /// <summary>Stores the theme preference; returns false when the account does not exist.</summary>
    Task<bool> SetThemeAsync(string userId, ThemePreference theme, CancellationToken cancellationToken);
}

public sealed record UserProfile(string UserId, string Email, string DisplayName, ThemePreference Theme);
