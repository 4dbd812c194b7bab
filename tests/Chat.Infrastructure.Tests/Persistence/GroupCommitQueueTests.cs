using Chat.Infrastructure.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Infrastructure.Tests.Persistence;

public sealed class GroupCommitQueueTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_item_arriving_while_the_first_one_gathers_shares_its_write()
    {
        var clock = new ObservedClock();
        var written = new TaskCompletionSource<int[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var queue = new GroupCommitQueue<int>(100, batch =>
        {
            written.TrySetResult([.. batch]);
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(50), clock);

        queue.TryAdd(1).ShouldBeTrue();
        await clock.TimerStarted.Task.WaitAsync(Wait);
        queue.TryAdd(2).ShouldBeTrue();
        written.Task.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(50));

        (await written.Task.WaitAsync(Wait)).ShouldBe([1, 2]);
    }

    /// <summary>A fake clock that tells when the queue starts waiting on it.</summary>
    private sealed class ObservedClock : FakeTimeProvider
    {
        public TaskCompletionSource TimerStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerStarted.TrySetResult();
            return timer;
        }
    }
}
