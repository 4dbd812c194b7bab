using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Files;

/// <summary>The <c>Files</c> section: limits for shared files.</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>The largest file accepted, in MB. Default 25.</summary>
    public int MaxMegabytes { get; set; } = 25;
}

internal sealed class FilesOptionsValidator : IValidateOptions<FilesOptions>
{
    public ValidateOptionsResult Validate(string? name, FilesOptions options) =>
        options.MaxMegabytes is < 1 or > 2048
            ? ValidateOptionsResult.Fail("Files:MaxMegabytes must be between 1 and 2048.")
            : ValidateOptionsResult.Success;
}

/// <summary>The file limits from configuration (workspace settings in the admin console will override them).</summary>
internal sealed class ConfiguredFileLimits(IOptions<FilesOptions> options) : Chat.Application.Files.IFileLimits
{
    public long MaxBytes => options.Value.MaxMegabytes * 1024L * 1024;
}
