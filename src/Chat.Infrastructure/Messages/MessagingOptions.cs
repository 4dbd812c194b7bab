using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Messages;

/// <summary>The <c>Messaging</c> section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Messages one user may send per second, as a burst that refills each second (default 10).</summary>
    public int SendsPerSecond { get; set; } = 10;
}

internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options) =>
        options.SendsPerSecond < 1
            ? ValidateOptionsResult.Fail("Messaging:SendsPerSecond must be at least 1.")
            : ValidateOptionsResult.Success;
}
