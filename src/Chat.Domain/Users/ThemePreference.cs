namespace Chat.Domain.Users;

/// <summary>How a user wants the app to look; <see cref="System"/> follows the browser.</summary>
public enum ThemePreference
{
    System,
    Light,
    Dark,
}
