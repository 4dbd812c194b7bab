using Bunit;
using Chat.Domain.Channels;
using Chat.Web.Components.Channels;
using Chat.Web.Components.Layout;
using Chat.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Components.Channels;

public class MessageListTests : ComponentTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);
    private readonly Guid _general = Guid.NewGuid();

    public MessageListTests()
    {
        Services.AddSingleton<TimeProvider>(new FixedTime(Now));
        Channels.Channels.Add(new ChannelAccess(_general, "general", ChannelKind.Public, false, ChannelRole.Member));
    }

    [Fact]
    public void Consecutive_messages_of_one_sender_are_grouped_and_days_are_separated()
    {
        Messages.Add(_general, "older", at: new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        Messages.Add(_general, "morning", at: Now.AddDays(-1).AddHours(-5));
        Messages.Add(_general, "two minutes later", at: Now.AddDays(-1).AddHours(-5).AddMinutes(2));
        Messages.Add(_general, "someone else", sender: "erin", senderName: "Erin", at: Now.AddDays(-1).AddHours(-5).AddMinutes(3));
        Messages.Add(_general, "an hour later", sender: "erin", senderName: "Erin", at: Now.AddDays(-1).AddHours(-4));
        Messages.Add(_general, "today", sender: "erin", senderName: "Erin", at: Now.AddMinutes(-1));

        var list = Render<MessageList>(p => p.Add(l => l.Messages, Messages.All));

        list.FindAll(".day-separator").Select(d => d.TextContent).ShouldBe(["Friday, 20 November", "Yesterday", "Today"]);
        list.FindAll(".message").Select(m => m.ClassList.Contains("continuation"))
            .ShouldBe([false, false, true, false, false, false]);
    }

    [Fact]
    public void Times_are_shown_in_the_viewers_time_zone_with_the_full_date_on_hover()
    {
        Services.GetRequiredService<ViewerClock>().Use("Asia/Tokyo").ShouldBeTrue();
        Messages.Add(_general, "late", at: new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));

        var list = Render<MessageList>(p => p.Add(l => l.Messages, Messages.All));

        list.Find(".message-time").TextContent.ShouldBe("08:30");
        list.Find(".message-time").GetAttribute("title").ShouldBe("Saturday, 28 November 2026 08:30:00");
        // 15:00 UTC is already midnight in Tokyo, so that morning was yesterday there.
        list.Find(".day-separator").TextContent.ShouldBe("Yesterday");
    }

    [Fact]
    public void Viewers_in_different_zones_each_see_their_own_time_of_one_message()
    {
        Messages.Add(_general, "late", at: new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));
        var inUtc = Render<MessageList>(p => p.Add(l => l.Messages, Messages.All));
        Services.GetRequiredService<ViewerClock>().Use("Asia/Tokyo").ShouldBeTrue();

        var inTokyo = Render<MessageList>(p => p.Add(l => l.Messages, Messages.All));

        inTokyo.Find(".message-time").TextContent.ShouldBe("08:30");
        inUtc.Find(".message-time").TextContent.ShouldBe("23:30");
    }

    [Fact]
    public void A_senders_name_is_shown_as_text_never_as_markup()
    {
        Messages.Add(_general, "hi", sender: "mallory", senderName: "<img src=x onerror=alert(1)>Mallory");

        var list = Render<MessageList>(p => p.Add(l => l.Messages, Messages.All));

        list.Find(".message-sender").TextContent.ShouldBe("<img src=x onerror=alert(1)>Mallory");
        list.FindAll(".message img").ShouldBeEmpty();
    }

    [Fact]
    public void A_reply_also_sent_to_the_channel_says_so_in_the_channel_but_not_in_its_thread()
    {
        var root = Messages.Add(_general, "root");
        var reply = Messages.Replace(Messages.Add(_general, "reply") with { ThreadRootId = root.Id, AlsoInChannel = true });
        var options = new MessageListOptions(null, false, false, null, null, null, TimeZoneInfo.Utc, default, default, default, default,
            default, default, default, default);

        var inChannel = Render<MessageItem>(p => p.Add(i => i.Message, reply).Add(i => i.Options, options));
        var inThread = Render<MessageItem>(p => p.Add(i => i.Message, reply).Add(i => i.Options, options).Add(i => i.InThread, true));

        inChannel.Find(".message-also-sent").TextContent.ShouldBe("replied to a thread");
        inThread.FindAll(".message-also-sent").ShouldBeEmpty();
    }

    [Fact]
    public void An_edit_in_progress_keeps_its_text_when_older_history_lands_in_its_block()
    {
        // Sequences 1..24 are two blocks (1-15, 16-31); the page first shows 20..24, so older history joins their block.
        var history = Enumerable.Range(1, 24).Select(i => Messages.Add(_general, $"message {i}", sender: UserId, at: Now.AddMinutes(i))).ToList();
        var editing = history[21];
        var list = Render<MessageList>(p => p.Add(l => l.Messages, history[19..]).Add(l => l.ViewerId, UserId).Add(l => l.EditingMessageId, editing.Id));
        // The text being typed lives in the editor's element in the browser: the editor must stay the same one.
        var editor = list.FindComponent<MessageEditor>().Instance;

        list.Render(p => p.Add(l => l.Messages, history).Add(l => l.ViewerId, UserId).Add(l => l.EditingMessageId, editing.Id));

        list.FindAll(".message").Count.ShouldBe(24);
        list.FindComponent<MessageEditor>().Instance.ShouldBeSameAs(editor);
        list.Find("#message-editor-input").Closest("[data-sequence]")!.GetAttribute("data-sequence").ShouldBe("22");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
