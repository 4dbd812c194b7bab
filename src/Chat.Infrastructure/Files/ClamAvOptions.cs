using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Files;

/// <summary>Where clamd listens. Scanning is off by default (embedded); production turns it on.</summary>
public sealed class ClamAvOptions
{
    public const string Section = "ClamAv";

    public bool Enabled { get; set; }

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 3310;

    /// <summary>How long one scan or ping may take before clamd counts as unavailable.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Bytes per INSTREAM chunk.</summary>
    public int ChunkBytes { get; set; } = 64 * 1024;
}

internal sealed class ClamAvOptionsValidator : IValidateOptions<ClamAvOptions>
{
    public ValidateOptionsResult Validate(string? name, ClamAvOptions options)
    {
        if (options.Port is < 1 or > 65535)
        {
            return ValidateOptionsResult.Fail("ClamAv:Port must be between 1 and 65535.");
        }

        if (options.Enabled && string.IsNullOrWhiteSpace(options.Host))
        {
            return ValidateOptionsResult.Fail("ClamAv:Host is required when ClamAv:Enabled is true.");
        }

        if (options.TimeoutSeconds is < 1 or > 600)
        {
            return ValidateOptionsResult.Fail("ClamAv:TimeoutSeconds must be between 1 and 600.");
        }

        return options.ChunkBytes is < 1024 or > 4 * 1024 * 1024
            ? ValidateOptionsResult.Fail("ClamAv:ChunkBytes must be between 1 KiB and 4 MiB.")
            : ValidateOptionsResult.Success;
    }
}
