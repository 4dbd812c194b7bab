using Chat.Domain.Files;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Files;

/// <summary>The <c>Files</c> section: limits for shared files.</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>The largest file accepted, in MB. Default 25.</summary>
    public int MaxMegabytes { get; set; } = 25;

    /// <summary>Narrows the built-in allow-list to these extensions (without dots); unset allows all of it.</summary>
    public string[]? AllowedExtensions { get; set; }
}

internal sealed class FilesOptionsValidator : IValidateOptions<FilesOptions>
{
    public ValidateOptionsResult Validate(string? name, FilesOptions options)
    {
        if (options.MaxMegabytes is < 1 or > 2048)
        {
            return ValidateOptionsResult.Fail("Files:MaxMegabytes must be between 1 and 2048.");
        }

        var unknown = (options.AllowedExtensions ?? []).Where(e => !FileType.Allowed.ContainsKey(e.TrimStart('.').ToLowerInvariant())).ToList();
        return unknown.Count > 0 || options.AllowedExtensions is []
            ? ValidateOptionsResult.Fail(
                $"Files:AllowedExtensions may only name types whose content can be checked ({string.Join(", ", FileType.Allowed.Keys)}); "
                + (unknown.Count > 0 ? $"not {string.Join(", ", unknown)}." : "it is empty."))
            : ValidateOptionsResult.Success;
    }
}

/// <summary>The file limits from configuration (workspace settings in the admin console will override them).</summary>
internal sealed class ConfiguredFileLimits(IOptions<FilesOptions> options) : Chat.Application.Files.IFileLimits
{
    public long MaxBytes => options.Value.MaxMegabytes * 1024L * 1024;

    public IReadOnlySet<string>? AllowedExtensions { get; } =
        options.Value.AllowedExtensions?.Select(e => e.TrimStart('.').ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
