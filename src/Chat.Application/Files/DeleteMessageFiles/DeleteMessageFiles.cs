using Microsoft.Extensions.Logging;

namespace Chat.Application.Files.DeleteMessageFiles;

/// <summary>
/// After a message's soft delete: its files are marked deleted (no longer downloadable) and their bytes removed from
/// the store. Bytes that cannot be removed now are left to the orphan sweep, which removes any bytes no live file uses.
/// </summary>
public sealed partial class DeleteMessageFiles(
    IFileRecords records, IFileStore store, TimeProvider clock, ILogger<DeleteMessageFiles> logger)
{
    public async Task RunAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var deleted = await records.DeleteSharedWithAsync(messageId, clock.GetUtcNow(), cancellationToken);
        foreach (var key in deleted.SelectMany(f => f.StorageKeys))
        {
            try
            {
                await store.DeleteAsync(key, cancellationToken);
            }
            catch (IOException e)
            {
                LogLeftForSweep(e, messageId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bytes of a file of deleted message {MessageId} could not be removed yet; the orphan sweep will")]
    private partial void LogLeftForSweep(Exception exception, Guid messageId);
}
