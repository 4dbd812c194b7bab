using Chat.Application.Files;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Files;

/// <summary>
/// The embedded default without clamd: files are passed as clean, with the verdict saying they were not scanned.
/// Production turns scanning on (ClamAv:Enabled), and then nothing passes unscanned.
/// </summary>
internal sealed partial class UnscannedFiles(ILogger<UnscannedFiles> logger) : IVirusScanner
{
    public const string NotScanned = "Not scanned: virus scanning is switched off (ClamAv:Enabled).";

    public Task<ScanVerdict> ScanAsync(Stream content, CancellationToken cancellationToken)
    {
        LogNotScanned();
        return Task.FromResult(new ScanVerdict(ScanOutcome.Clean, NotScanned));
    }

    public Task<bool> PingAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A file was shared without a virus scan: set ClamAv:Enabled to scan uploads")]
    private partial void LogNotScanned();
}
