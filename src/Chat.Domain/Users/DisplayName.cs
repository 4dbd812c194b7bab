using Chat.Domain.Common;

namespace Chat.Domain.Users;

/// <summary>The name colleagues see; trimmed, 1–64 characters, no control characters, as it looks (<see cref="VisibleText"/>).</summary>
public sealed record DisplayName
{
    public const int MaxLength = 64;

    private DisplayName(string value) => Value = value;

    public string Value { get; }

    /// <summary>One or two letters for the avatar: first letters of the first and last word.</summary>
    public string Initials
    {
        get
        {
            var words = Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var first = FirstLetter(words[0]);
            return words.Length == 1 ? first : first + FirstLetter(words[^1]);
        }
    }

    public static Result<DisplayName> Create(string? value)
    {
        var trimmed = VisibleText.Clean(value).Trim();
        if (trimmed.Length == 0)
        {
            return Error.Invalid("profile.display_name.empty", "Display name cannot be empty.");
        }

        if (trimmed.Length > MaxLength)
        {
            return Error.Invalid(
                "profile.display_name.too_long", $"Display name can be at most {MaxLength} characters.");
        }

        if (trimmed.Any(char.IsControl))
        {
            return Error.Invalid(
                "profile.display_name.invalid", "Display name cannot contain control characters.");
        }

        return new DisplayName(trimmed);
    }

    /// <summary>A display name made from an e-mail address's local part, for accounts created without one.</summary>
    public static DisplayName FromEmail(string email)
    {
        var local = email.Split('@')[0];
        var words = local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        var name = string.Join(' ', words);
        var created = Create(name.Length > MaxLength ? name[..MaxLength] : name);
        return created.Succeeded ? created.Value : new DisplayName("User");
    }

    public override string ToString() => Value;

    private static string FirstLetter(string word)
    {
        var rune = word.EnumerateRunes().First();
        return rune.ToString().ToUpperInvariant();
    }
}
