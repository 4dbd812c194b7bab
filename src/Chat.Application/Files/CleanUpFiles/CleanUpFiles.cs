namespace Chat.Application.Files.CleanUpFiles;

/// <summary>
/// The recurring sweep that keeps the store and the database in step: uploads never shared with a message are
/// removed after a day, and bytes that no live file uses (left by a crash or a failed delete) are removed.
/// </summary>
public sealed class CleanUpFiles(IFileRecords records, IFileStore store, TimeProvider clock)
{
    /// <summary>How long an upload may wait to be sent with a message (a draft left open overnight).</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    /// <summary>Bytes younger than this are left alone: an upload stores its bytes before its record.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromHours(1);

    private const int BatchSize = 500;

    public async Task<FilesCleanedUp> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var abandoned = await RemoveAbandonedUploadsAsync(now - AbandonedAfter, cancellationToken);
        var orphans = await RemoveOrphanedBytesAsync(now - OrphanGrace, cancellationToken);
        return new FilesCleanedUp(abandoned, orphans);
    }

    private async Task<int> RemoveAbandonedUploadsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var removed = 0;
        IReadOnlyList<Domain.Files.StoredFile> batch;
        do
        {
            batch = await records.ListAbandonedAsync(before, BatchSize, cancellationToken);
            foreach (var file in batch)
            {
                // The record goes first: bytes without a record are the next step's to remove, never the reverse.
                await records.RemoveAsync(file.Id, cancellationToken);
                foreach (var key in file.StorageKeys)
                {
                    await store.DeleteAsync(key, cancellationToken);
                }
            }

            removed += batch.Count;
        }
        while (batch.Count == BatchSize);

        return removed;
    }

    private async Task<int> RemoveOrphanedBytesAsync(DateTimeOffset writtenBefore, CancellationToken cancellationToken)
    {
        var removed = 0;
        var batch = new List<string>(BatchSize);
        await foreach (var stored in store.ListAsync(cancellationToken))
        {
            if (stored.WrittenAt < writtenBefore)
            {
                batch.Add(stored.Key);
            }

            if (batch.Count == BatchSize)
            {
                removed += await RemoveUnusedAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        return removed + await RemoveUnusedAsync(batch, cancellationToken);
    }

    private async Task<int> RemoveUnusedAsync(List<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        var inUse = await records.FindKeysInUseAsync(keys, cancellationToken);
        var unused = keys.Where(k => !inUse.Contains(k)).ToList();
        foreach (var key in unused)
        {
            await store.DeleteAsync(key, cancellationToken);
        }

        return unused.Count;
    }
}

/// <param name="AbandonedUploads">Records of uploads never shared, removed with their bytes.</param>
/// <param name="OrphanedObjects">Stored objects no live file used.</param>
public sealed record FilesCleanedUp(int AbandonedUploads, int OrphanedObjects);
