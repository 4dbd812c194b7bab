using System.Text;
using Chat.Domain.Common;

namespace Chat.Domain.Users;

/// <summary>
/// The name a user is mentioned by (<c>@ann.lee</c>): lowercase letters, digits, dots, dashes and underscores,
/// starting with a letter or digit, at most 40 characters, unique in the workspace.
/// </summary>
public static class UserHandle
{
    public const int MaxLength = 40;

    /// <summary>The words that mention a whole channel rather than a person; no user may take them.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "channel", "all", "here" };

    /// <summary>A handle made from an e-mail address's local part (<c>Ann.Lee+chat@x</c> → <c>ann.lee</c>).</summary>
    public static string FromEmail(string email)
    {
        var local = email.Split('@')[0].Split('+')[0];
        var handle = new StringBuilder();
        foreach (var c in local.ToLowerInvariant())
        {
            if (IsHandleChar(c) && (handle.Length > 0 || char.IsAsciiLetterOrDigit(c)))
            {
                handle.Append(c);
            }
        }

        var value = handle.Length == 0 ? "user" : handle.ToString()[..Math.Min(handle.Length, MaxLength - 4)];
        return Reserved.Contains(value) ? value + "1" : value;
    }

    /// <summary>A handle chosen by someone (a bot's): checked, not repaired.</summary>
    public static Result<string> Create(string? value)
    {
        var handle = (value ?? string.Empty).Trim().TrimStart('@').ToLowerInvariant();
        if (handle.Length == 0 || handle.Length > MaxLength || !char.IsAsciiLetterOrDigit(handle[0]) || !handle.All(IsHandleChar))
        {
            return Error.Invalid(
                "handle.invalid",
                $"A handle is 1 to {MaxLength} lowercase letters, digits, dots, dashes or underscores, starting with a letter or digit.");
        }

        return Reserved.Contains(handle)
            ? Error.Invalid("handle.reserved", $"@{handle} mentions a whole channel; choose another handle.")
            : handle;
    }

    /// <summary>The <paramref name="attempt"/>-th alternative when the plain handle is taken: ann, ann2, ann3…</summary>
    public static string Alternative(string handle, int attempt) => attempt <= 1 ? handle : handle + attempt;

    internal static bool IsHandleChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_';
}
