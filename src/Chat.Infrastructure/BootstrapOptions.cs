using Microsoft.Extensions.Options;

namespace Chat.Infrastructure;

/// <summary>The <c>Bootstrap</c> section: how a new workspace gets its first people.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>E-mail of an administrator to create at start-up when missing (default none: the first
    /// account registered becomes the administrator).</summary>
    public string? AdminEmail { get; set; }

    /// <summary>That administrator's initial password; pass it as a secret (environment variable).</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Seed the demo workspace into an empty database (default false; true in Development;
    /// never honoured in Production).</summary>
    public bool SeedDemoWorkspace { get; set; }
}

internal sealed class BootstrapOptionsValidator : IValidateOptions<BootstrapOptions>
{
    public ValidateOptionsResult Validate(string? name, BootstrapOptions options) =>
        string.IsNullOrWhiteSpace(options.AdminEmail) == string.IsNullOrWhiteSpace(options.AdminPassword)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Bootstrap:AdminEmail and Bootstrap:AdminPassword must be set together.");
}
