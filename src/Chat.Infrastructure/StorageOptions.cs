using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure;

/// <summary>The <c>Storage</c> section: where the embedded default keeps its files.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The data folder (SQLite database and, later, files and the search index); relative paths
    /// are taken from the app's content root. Default <c>data</c>.</summary>
    public string DataPath { get; set; } = "data";

    public string ResolveDataPath(IHostEnvironment environment) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, DataPath));
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.DataPath) || options.DataPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0
            ? ValidateOptionsResult.Fail("Storage:DataPath must be a folder path.")
            : ValidateOptionsResult.Success;
}
