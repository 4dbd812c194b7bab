using Chat.Application.Events;
using Chat.Domain.Channels;
using Chat.Web.Components.Channels;
using Chat.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Components.Channels;

public class ChannelFeedTests : ComponentTestContext
{
    private readonly Guid _general = Guid.NewGuid();
    private int _changes;

    public ChannelFeedTests() =>
        Channels.Channels.Add(new ChannelAccess(_general, "general", ChannelKind.Public, false, ChannelRole.Member));

    private async Task<ChannelFeed> StartedFeedAsync()
    {
        var feed = Services.GetRequiredService<ChannelFeed>();
        (await feed.StartAsync(_general, work => work(), () => _changes++)).Succeeded.ShouldBeTrue();
        return feed;
    }

    [Fact]
    public async Task Starts_with_the_newest_fifty_and_offers_older_ones()
    {
        for (var i = 1; i <= 60; i++)
        {
            Messages.Add(_general, $"m{i}");
        }

        using var feed = await StartedFeedAsync();
        feed.Messages.Select(m => m.Sequence).ShouldBe(Enumerable.Range(11, 50).Select(i => (long)i));
        feed.HasOlder.ShouldBeTrue();

        await feed.LoadOlderAsync();

        feed.Messages.Select(m => m.Sequence).ShouldBe(Enumerable.Range(1, 60).Select(i => (long)i));
        feed.HasOlder.ShouldBeFalse();
    }

    [Fact]
    public async Task A_reader_following_a_busy_channel_holds_a_bounded_window_and_one_reading_history_keeps_everything()
    {
        using var feed = await StartedFeedAsync();
        for (var i = 1; i <= 400; i++)
        {
            await Events.DeliverAsync(new MessagePosted(Messages.Add(_general, $"live {i}")));
        }

        feed.Messages.Count.ShouldBeLessThanOrEqualTo(ChannelFeed.MaxHeldWhileFollowing + 50);
        feed.Messages[^1].Body.ShouldBe("live 400");
        feed.Messages.Select(m => m.Sequence).ShouldBe(
            Enumerable.Range((int)feed.Messages[0].Sequence, feed.Messages.Count).Select(i => (long)i), "still dense, in order");
        feed.HasOlder.ShouldBeTrue();

        feed.ReaderAtBottom = false;
        var held = feed.Messages.Count;
        for (var i = 401; i <= 500; i++)
        {
            await Events.DeliverAsync(new MessagePosted(Messages.Add(_general, $"live {i}")));
        }

        feed.Messages.Count.ShouldBe(held + 100, "nothing is let go while the reader is up in the history");
    }

    [Fact]
    public async Task The_next_message_is_appended_and_a_repeated_event_is_ignored()
    {
        Messages.Add(_general, "first");
        using var feed = await StartedFeedAsync();
        var second = Messages.Add(_general, "second");

        await Events.DeliverAsync(new MessagePosted(second));
        await Events.DeliverAsync(new MessagePosted(second));

        feed.Messages.Select(m => m.Body).ShouldBe(["first", "second"]);
        _changes.ShouldBe(1);
    }

    [Fact]
    public async Task An_event_after_a_gap_fetches_the_missed_messages_in_order()
    {
        Messages.Add(_general, "first");
        using var feed = await StartedFeedAsync();
        Messages.Add(_general, "missed one");
        Messages.Add(_general, "missed two");
        var fourth = Messages.Add(_general, "fourth");

        await Events.DeliverAsync(new MessagePosted(fourth));

        feed.Messages.Select(m => m.Body).ShouldBe(["first", "missed one", "missed two", "fourth"]);
    }

    [Fact]
    public async Task Edits_and_deletes_replace_the_message_and_stale_copies_are_ignored()
    {
        var first = Messages.Add(_general, "first");
        Messages.Add(_general, "second");
        using var feed = await StartedFeedAsync();
        var edited = first with { Body = "first, edited", Version = 2 };
        var deleted = first with { Body = "", IsDeleted = true, Version = 3 };

        await Events.DeliverAsync(new MessageEdited(edited));
        await Events.DeliverAsync(new MessageDeleted(deleted));
        await Events.DeliverAsync(new MessageEdited(edited));

        feed.Messages[0].IsDeleted.ShouldBeTrue();
        feed.Messages[1].Body.ShouldBe("second");
    }

    [Fact]
    public async Task Others_typing_show_until_they_send_or_go_quiet_and_the_viewer_never_sees_themself()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        Services.AddSingleton<TimeProvider>(time);
        using var feed = await StartedFeedAsync();

        await Events.DeliverAsync(new UserTyping(_general, "erin", "Erin"));
        await Events.DeliverAsync(new UserTyping(_general, "dan", "Dan"));
        await Events.DeliverAsync(new UserTyping(_general, UserId, "Ann"));
        feed.Typing.ShouldBe(["Erin", "Dan"]);

        await Events.DeliverAsync(new MessagePosted(Messages.Add(_general, "done", sender: "erin")));
        feed.Typing.ShouldBe(["Dan"]);

        time.Advance(TypingTracker.ShownFor);
        feed.Typing.ShouldBeEmpty();
    }

    [Fact]
    public async Task Disposing_the_feed_stops_its_subscription()
    {
        var feed = await StartedFeedAsync();
        Events.SubscriberCount.ShouldBe(1);

        feed.Dispose();

        Events.SubscriberCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_private_channel_of_others_cannot_be_watched()
    {
        var secret = Guid.NewGuid();
        Channels.Channels.Add(new ChannelAccess(secret, "secret", ChannelKind.Private, false, Role: null));
        using var feed = Services.GetRequiredService<ChannelFeed>();

        var started = await feed.StartAsync(secret, work => work(), () => { });

        started.Error!.Code.ShouldBe("channel.not_found");
        Events.SubscriberCount.ShouldBe(0);
    }
}
