using Chat.Domain.Common;

namespace Chat.Domain.Messages;

/// <summary>The text of a message as typed (Markdown source): not blank, at most 16,000 characters.</summary>
public sealed record MessageBody
{
    public const int MaxLength = 16_000;

    private MessageBody(string value) => Value = value;

    public string Value { get; }

    public static Result<MessageBody> Create(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error.Invalid("message.empty", "Type a message before sending.");
        }

        if (text.Length > MaxLength)
        {
            return Error.Invalid(
                "message.too_long",
                $"Messages can be at most {MaxLength:N0} characters; this one has {text.Length:N0}.");
        }

        // Trailing blank lines are noise; leading spaces can be indentation inside code blocks.
        return new MessageBody(text.TrimEnd());
    }

    /// <summary>The text sent with shared files: it may be empty, and the same limit applies.</summary>
    public static Result<MessageBody> Caption(string? text) =>
        string.IsNullOrWhiteSpace(text) ? new MessageBody(string.Empty) : Create(text);

    /// <summary>At most this many files are shared with one message.</summary>
    public const int MaxFiles = 10;

    public override string ToString() => Value;
}
