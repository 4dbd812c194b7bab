using System.Text.RegularExpressions;
using Chat.Domain.Common;

namespace Chat.Domain.Channels;

/// <summary>A channel's handle as typed after '#': lowercase letters, digits, '-' and '_', 1–80 characters.</summary>
public sealed partial record ChannelName
{
    public const int MaxLength = 80;

    private ChannelName(string value) => Value = value;

    public string Value { get; }

    public static Result<ChannelName> Create(string? value)
    {
        var trimmed = (value ?? string.Empty).Trim().TrimStart('#');
        if (trimmed.Length == 0)
        {
            return Error.Invalid("channel.name.empty", "Channel name cannot be empty.");
        }

        if (trimmed.Length > MaxLength)
        {
            return Error.Invalid("channel.name.too_long", $"Channel name can be at most {MaxLength} characters.");
        }

        if (!AllowedPattern().IsMatch(trimmed))
        {
            return Error.Invalid(
                "channel.name.invalid",
                "Channel names use lowercase letters, digits, '-' and '_' only, and start with a letter or digit.");
        }

        return new ChannelName(trimmed);
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AllowedPattern();
}
