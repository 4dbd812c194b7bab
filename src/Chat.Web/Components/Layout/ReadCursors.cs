using Chat.Application.Channels.MarkRead;

namespace Chat.Web.Components.Layout;

/// <summary>
/// Saves one circuit's read cursors. A reader of a busy channel reads every message as it arrives; the cursor is
/// written at once when none was written moments ago, otherwise once the tab's interval (5–10 s) has passed, and on
/// disposal.
/// </summary>
internal sealed class ReadCursors(MarkReadHandler markRead, TimeProvider clock) : IDisposable
{
    // Every viewer of a channel reads its messages at the same moment: with one interval for all, their saves would
    // arrive together (a thousand at once in a busy channel) every few seconds. Each tab adds up to as much again.
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(5) + TimeSpan.FromMilliseconds(Random.Shared.Next(5_000));

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, long> _unsavedReads = [];
    private DateTimeOffset _lastReadSave = DateTimeOffset.MinValue;
    private ITimer? _readSaveTimer;

    /// <summary>Writes the read cursor now, or, when one was written moments ago, once the interval has passed.</summary>
    public async Task SaveAsync(Guid channelId, long sequence)
    {
        lock (_gate)
        {
            _unsavedReads[channelId] = Math.Max(_unsavedReads.GetValueOrDefault(channelId), sequence);
            var wait = _lastReadSave + _interval - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                _readSaveTimer ??= clock.CreateTimer(_ => _ = SaveUnsavedReadsQuietlyAsync(), null, wait, Timeout.InfiniteTimeSpan);
                return;
            }
        }

        await SaveUnsavedReadsAsync();
    }

    // From a timer or while the circuit ends nobody awaits the save: a failure puts the cursors back for the next one.
    private async Task SaveUnsavedReadsQuietlyAsync()
    {
        try
        {
            await SaveUnsavedReadsAsync();
        }
        catch (Exception)
        {
            // Put back by the save itself: the next read saves them; the cursor only ever moves forward.
        }
    }

    private async Task SaveUnsavedReadsAsync()
    {
        KeyValuePair<Guid, long>[] reads;
        lock (_gate)
        {
            reads = [.. _unsavedReads];
            _unsavedReads.Clear();
            _lastReadSave = clock.GetUtcNow();
            _readSaveTimer?.Dispose();
            _readSaveTimer = null;
        }

        for (var i = 0; i < reads.Length; i++)
        {
            try
            {
                await markRead.HandleAsync(new MarkRead(reads[i].Key, reads[i].Value));
            }
            catch
            {
                lock (_gate)
                {
                    foreach (var (channelId, sequence) in reads[i..])
                    {
                        _unsavedReads[channelId] = Math.Max(_unsavedReads.GetValueOrDefault(channelId), sequence);
                    }
                }

                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _readSaveTimer?.Dispose();
        }

        _ = SaveUnsavedReadsQuietlyAsync();
    }
}
