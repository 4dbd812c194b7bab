namespace Chat.Application.Files;

/// <summary>Scans file contents for malware (ClamAV's clamd in production).</summary>
public interface IVirusScanner
{
    /// <summary>
    /// Scans the stream to its end. Never throws for scanner trouble: an unreachable or slow scanner answers
    /// <see cref="ScanOutcome.Unavailable"/>, so the caller can keep the file pending and try again later.
    /// </summary>
    Task<ScanVerdict> ScanAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Whether the scanner answers now (for readiness checks).</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}

public enum ScanOutcome
{
    /// <summary>Scanned, nothing found.</summary>
    Clean,

    /// <summary>Scanned, malware found; <see cref="ScanVerdict.Detail"/> names the signature.</summary>
    Infected,

    /// <summary>The scanner refused this file for good (too large to scan, unreadable): never treat it as clean.</summary>
    Refused,

    /// <summary>The scanner could not be reached or did not answer in time: try again later.</summary>
    Unavailable,
}

/// <param name="Detail">The signature found, or why the scan did not complete.</param>
public sealed record ScanVerdict(ScanOutcome Outcome, string? Detail = null)
{
    public static ScanVerdict Clean { get; } = new(ScanOutcome.Clean);
}
