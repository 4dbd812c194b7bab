using System.Threading.Channels;

namespace Chat.Infrastructure.Persistence;

/// <summary>
/// Group commit's queue: one loop takes every item waiting (up to a batch) and hands them to one write, so a burst
/// shares one transaction instead of queueing for one each. Items keep their arrival order. The write answers each
/// item's caller and must not throw; the list it gets is reused for the next batch. With a gathering time, the loop
/// waits that long after the first item of a batch, so items arriving steadily rather than in bursts share a write too.
/// </summary>
internal sealed class GroupCommitQueue<T> : IAsyncDisposable
{
    private readonly Channel<T> _queue = Channel.CreateUnbounded<T>(new() { SingleReader = true });
    private readonly int _maxBatch;
    private readonly Func<List<T>, Task> _write;
    private readonly TimeSpan _gather;
    private readonly TimeProvider _clock;
    private readonly Task _loop;

    public GroupCommitQueue(int maxBatch, Func<List<T>, Task> write, TimeSpan gather = default, TimeProvider? clock = null)
    {
        (_maxBatch, _write, _gather, _clock) = (maxBatch, write, gather, clock ?? TimeProvider.System);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Queues the item for the next batch; false once the queue is stopping.</summary>
    public bool TryAdd(T item) => _queue.Writer.TryWrite(item);

    /// <summary>Stops taking items and finishes the ones waiting.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task LoopAsync()
    {
        var batch = new List<T>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            if (_gather > TimeSpan.Zero)
            {
                await Task.Delay(_gather, _clock);
            }

            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await _write(batch);
            batch.Clear();
        }
    }
}
