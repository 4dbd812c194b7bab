using Chat.Application.Events;
using Chat.Application.Messages;
using Chat.Infrastructure.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chat.Infrastructure.Tests.Events;

public class InProcessChatEventsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly InProcessChatEvents _events = new(NullLogger<InProcessChatEvents>.Instance, []);

    private static MessagePosted Posted(Guid channelId, long sequence) =>
        new(new MessageDto(Guid.NewGuid(), channelId, sequence, "u", "U", "hi", "<p>hi</p>", DateTimeOffset.UtcNow, 1));

    [Fact]
    public async Task Subscribers_get_their_channels_events_only()
    {
        var general = Guid.NewGuid();
        var received = new TaskCompletionSource<ChatEvent>();
        using var subscription = _events.Subscribe(general, e => { received.TrySetResult(e); return Task.CompletedTask; });

        _events.Publish(Posted(Guid.NewGuid(), 1));
        _events.Publish(Posted(general, 7));

        ((MessagePosted)await received.Task.WaitAsync(Timeout)).Sequence.ShouldBe(7);
    }

    [Fact]
    public void Disposing_a_subscription_removes_it_and_disposing_twice_is_harmless()
    {
        var general = Guid.NewGuid();
        var first = _events.Subscribe(general, _ => Task.CompletedTask);
        using var second = _events.Subscribe(general, _ => Task.CompletedTask);
        _events.SubscriberCount(general).ShouldBe(2);

        first.Dispose();
        first.Dispose();

        _events.SubscriberCount(general).ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_stop_the_others()
    {
        var general = Guid.NewGuid();
        var received = new TaskCompletionSource();
        using var failing = _events.Subscribe(general, _ => throw new InvalidOperationException("boom"));
        using var healthy = _events.Subscribe(general, _ => { received.TrySetResult(); return Task.CompletedTask; });

        _events.Publish(Posted(general, 1));

        await received.Task.WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_subscriber_stuck_in_its_handler_holds_up_neither_the_publisher_nor_the_others()
    {
        var general = Guid.NewGuid();
        using var stuck = new ManualResetEventSlim();
        var received = new TaskCompletionSource();
        using var blocking = _events.Subscribe(general, _ => { stuck.Wait(Timeout); return Task.CompletedTask; });
        using var healthy = _events.Subscribe(general, _ => { received.TrySetResult(); return Task.CompletedTask; });

        _events.Publish(Posted(general, 1));

        await received.Task.WaitAsync(Timeout);
        stuck.Set();
    }

    [Fact]
    public async Task Subscribers_do_not_run_in_the_publishers_context()
    {
        var general = Guid.NewGuid();
        var publisher = new AsyncLocal<string>();
        var seen = new TaskCompletionSource<string?>();
        using var subscription = _events.Subscribe(general, _ => { seen.TrySetResult(publisher.Value); return Task.CompletedTask; });

        publisher.Value = "the poster's request";
        _events.Publish(Posted(general, 1));

        (await seen.Task.WaitAsync(Timeout)).ShouldBeNull();
    }
}
