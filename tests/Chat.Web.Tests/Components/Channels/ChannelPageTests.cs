using Bunit;
using Chat.Application.Events;
using Chat.Domain.Channels;
using Chat.Web.Components.Channels;
using Chat.Web.Components.Layout;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Components.Channels;

public class ChannelPageTests : ComponentTestContext
{
    private readonly Guid _general = Guid.NewGuid();

    public ChannelPageTests() =>
        Channels.Channels.Add(new ChannelAccess(_general, "general", ChannelKind.Public, false, ChannelRole.Member));

    // A quiet message's actions button has no handler of its own: the list's script (MessageList.razor.js) tells the
    // list which message it belongs to, as done here.
    private static void OpenActions(IRenderedComponent<ChannelPage> page, int index)
    {
        var button = page.FindAll("button.message-more")[index];
        button.HasAttribute("data-opens-actions").ShouldBeTrue();
        var sequence = long.Parse(button.Closest("[data-sequence]")!.GetAttribute("data-sequence")!, System.Globalization.CultureInfo.InvariantCulture);
        var list = page.FindComponent<MessageList>();
        list.InvokeAsync(() => list.Instance.OpenActions(sequence));
    }

    private IRenderedComponent<ChannelPage> RenderChannel(string name = "general") =>
        Render<ChannelPage>(p => p.Add(c => c.Name, name));

    [Fact]
    public void Shows_the_messages_and_a_live_one_without_reload()
    {
        Messages.Add(_general, "Good morning");
        var page = RenderChannel();
        page.Find(".message-body").TextContent.ShouldBe("Good morning");

        Events.Publish(new MessagePosted(Messages.Add(_general, "Coffee?", senderName: "Erin")));

        page.WaitForAssertion(() => page.FindAll(".message-body").Select(m => m.TextContent).ShouldBe(["Good morning", "Coffee?"]));
        page.FindAll(".message-sender")[1].TextContent.ShouldBe("Erin");
    }

    [Fact]
    public void A_stream_of_live_messages_across_blocks_shows_each_once_in_order_with_edits()
    {
        Messages.Add(_general, "first");
        var page = RenderChannel();
        var posted = new List<Chat.Application.Messages.MessageDto>();

        // Most join the newest block of sixteen sequence numbers alone; some start a new one.
        for (var i = 2; i <= 40; i++)
        {
            posted.Add(Messages.Add(_general, $"live {i}"));
            Events.Publish(new MessagePosted(posted[^1]));
        }

        Events.Publish(new MessageEdited(posted[5] with { Body = "edited", BodyHtml = "<p>edited</p>", Version = posted[5].Version + 1 }));
        Events.Publish(new MessagePosted(Messages.Add(_general, "last")));

        var expected = new[] { "first" }.Concat(Enumerable.Range(2, 39).Select(i => i == 7 ? "edited" : $"live {i}")).Append("last");
        page.WaitForAssertion(() => page.FindAll(".message-body").Select(m => m.TextContent).ShouldBe(expected));
    }

    [Fact]
    public void Picking_a_reaction_shows_it_with_its_count_and_picking_it_again_takes_it_back()
    {
        Messages.Add(_general, "Lunch?");
        var page = RenderChannel();

        OpenActions(page, 0);
        page.Find("[data-action='react']").Click();
        page.Find("[data-pick='thumbsup']").Click();

        page.WaitForAssertion(() => page.Find("[data-emoji='thumbsup'] .reaction-count").TextContent.ShouldBe("1"));
        page.FindAll(".reaction-picker").ShouldBeEmpty("picking closes the picker");
        page.Find("[data-emoji='thumbsup']").GetAttribute("aria-pressed").ShouldBe("true");

        page.Find("[data-emoji='thumbsup']").Click();

        page.WaitForAssertion(() => page.FindAll("[data-emoji='thumbsup']").ShouldBeEmpty());
    }

    [Fact]
    public void A_messages_actions_exist_only_once_its_menu_is_opened_and_escape_closes_them()
    {
        Messages.Add(_general, "Deploy at five");
        var page = RenderChannel();
        page.FindAll("[data-action]").ShouldBeEmpty("every tab holds every message: actions are rendered on demand");

        OpenActions(page, 0);

        page.Find("button.message-more").GetAttribute("aria-expanded").ShouldBe("true");
        page.FindAll("[data-action]").Select(a => a.GetAttribute("data-action")).ShouldBe(["react", "pin", "reply", "unread"], "someone else's message: no edit or delete");
        page.Find(".message-actions").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        page.FindAll("[data-action]").ShouldBeEmpty();
    }

    [Fact]
    public void A_jump_link_opens_the_history_around_the_message_and_highlights_it()
    {
        for (var i = 1; i <= 120; i++)
        {
            Messages.Add(_general, $"message {i}");
        }

        var page = Render<ChannelPage>(p => p.Add(c => c.Name, "general").Add(c => c.Sequence, 80L));

        page.Find(".message.highlighted .message-body").TextContent.ShouldBe("message 80");
        page.FindAll(".message").Select(m => m.GetAttribute("data-sequence")).ShouldBe(Enumerable.Range(56, 50).Select(i => $"{i}"));
        page.Find("#load-older").ShouldNotBeNull();

        // A live message after the loaded page fetches everything in between, in order.
        Events.Publish(new MessagePosted(Messages.Add(_general, "message 121")));
        page.WaitForAssertion(() => page.FindAll(".message").Count.ShouldBe(121 - 55));
    }

    [Fact]
    public void A_message_read_as_it_arrives_re_renders_neither_the_sidebar_nor_the_page_nor_earlier_blocks_of_messages()
    {
        Messages.Add(_general, "first");
        var page = RenderChannel();
        page.WaitForAssertion(() => page.FindAll(".message").Count.ShouldBe(1));
        var header = page.FindComponent<ChannelHeader>();
        var headerRenders = header.RenderCount;
        // The typing line renders whenever the page does (its list of names is always a new parameter).
        var typing = page.FindComponent<TypingIndicator>();
        var typingRenders = typing.RenderCount;
        var firstBlock = page.FindComponent<MessageBlock>();
        var firstBlockRenders = firstBlock.RenderCount;
        var sidebarChanges = 0;
        using var watching = Services.GetRequiredService<Sidebar>().OnChanged(() => sidebarChanges++);

        Events.Publish(new MessagePosted(Messages.Add(_general, "second", sender: "bob")));

        page.WaitForAssertion(() => page.FindAll(".message").Count.ShouldBe(2));
        header.RenderCount.ShouldBe(headerRenders);
        typing.RenderCount.ShouldBe(typingRenders);
        sidebarChanges.ShouldBe(0);
        firstBlock.RenderCount.ShouldBe(firstBlockRenders + 1);

        // Blocks span 16 sequence numbers: messages 3 to 15 join the first, 16 and 17 start the next.
        for (var sequence = 3; sequence <= 15; sequence++)
        {
            Events.Publish(new MessagePosted(Messages.Add(_general, $"message {sequence}")));
        }

        page.WaitForAssertion(() => page.FindAll(".message").Count.ShouldBe(15));
        var firstBlockFull = firstBlock.RenderCount;
        Events.Publish(new MessagePosted(Messages.Add(_general, "message 16")));
        Events.Publish(new MessagePosted(Messages.Add(_general, "message 17")));
        page.WaitForAssertion(() => page.FindAll(".message").Count.ShouldBe(17));
        firstBlock.RenderCount.ShouldBe(firstBlockFull);
    }

    [Fact]
    public async Task Scrolling_to_the_top_loads_the_previous_fifty_above_and_stops_when_the_history_begins()
    {
        for (var i = 1; i <= 120; i++)
        {
            Messages.Add(_general, $"message {i}");
        }

        var page = RenderChannel();
        var list = page.FindComponent<MessageList>();
        page.FindAll(".message").Count.ShouldBe(50);

        await page.InvokeAsync(list.Instance.LoadOlderFromScrollAsync);
        page.WaitForAssertion(() => page.FindAll(".message").Count.ShouldBe(100));
        await page.InvokeAsync(list.Instance.LoadOlderFromScrollAsync);
        page.WaitForAssertion(() => page.FindAll(".message").Count.ShouldBe(120));

        page.Find(".message .message-body").TextContent.ShouldBe("message 1");
        page.FindAll("#load-older").ShouldBeEmpty();
        JSInterop.VerifyInvoke("rememberPosition", calledTimes: 2);
    }

    [Fact]
    public void Mark_unread_moves_the_cursor_back_shows_the_divider_and_keeps_the_channel_unread_while_open()
    {
        Messages.Add(_general, "one");
        Messages.Add(_general, "two");
        var page = RenderChannel();
        Channels.ReadCursors[_general].ShouldBe(2);

        OpenActions(page, 1);
        page.Find("[data-action='unread']").Click();

        page.WaitForAssertion(() => Channels.ReadCursors[_general].ShouldBe(1));
        page.Find("#new-messages").NextElementSibling!.TextContent.ShouldContain("two");
        Events.Publish(new MessagePosted(Messages.Add(_general, "three")));
        page.WaitForAssertion(() => page.FindAll(".message").Count.ShouldBe(3));
        Channels.ReadCursors[_general].ShouldBe(1);
    }

    [Fact]
    public void An_empty_channel_says_so() =>
        RenderChannel().Find("#no-messages").TextContent.ShouldContain("No messages yet");

    [Fact]
    public async Task A_message_goes_to_the_conversation_it_was_written_in_even_after_the_composer_moved_on()
    {
        var random = Guid.NewGuid();
        Channels.Channels.Add(new ChannelAccess(random, "random", ChannelKind.Public, false, ChannelRole.Member));
        var page = RenderChannel();
        var composer = page.FindComponent<Composer>();

        var sent = await page.InvokeAsync(() => composer.Instance.SendAsync(random, null, Guid.NewGuid(), "Ship it", false));

        sent.ShouldBe(SendAnswer.Accepted);
        Messages.All.ShouldHaveSingleItem().ChannelId.ShouldBe(random);
    }

    [Fact]
    public async Task A_refused_message_is_answered_with_why_so_the_browser_gives_the_text_back()
    {
        var page = RenderChannel();
        var composer = page.FindComponent<Composer>();
        var tooLong = new string('x', 16_001);

        var answer = await page.InvokeAsync(() => composer.Instance.SendAsync(_general, null, Guid.NewGuid(), tooLong, false));

        answer.Stored.ShouldBeFalse();
        answer.Retry.ShouldBeFalse();
        answer.Error.ShouldBe("Messages can be at most 16,000 characters; this one has 16,001.");
        Messages.All.ShouldBeEmpty();
    }

    [Fact]
    public void The_composer_names_its_conversation_so_drafts_stay_there()
    {
        var page = RenderChannel();

        page.Find("#composer").GetAttribute("data-conversation").ShouldBe(_general.ToString("N"));
        page.Find("#composer").GetAttribute("data-limit").ShouldBe("16000");
    }

    [Fact]
    public void Opening_the_channel_marks_it_read_up_to_the_newest_message()
    {
        Messages.Add(_general, "one");
        Messages.Add(_general, "two");

        RenderChannel();

        Channels.ReadCursors[_general].ShouldBe(2);
    }

    [Fact]
    public void A_divider_marks_where_unread_messages_start()
    {
        Messages.Add(_general, "seen");
        Messages.Add(_general, "new one");
        Channels.ReadCursors[_general] = 1;

        var page = RenderChannel();

        page.Find("#new-messages").NextElementSibling!.TextContent.ShouldContain("new one");
    }

    [Fact]
    public async Task Leaving_the_page_unsubscribes_from_the_channel()
    {
        RenderChannel();
        // The page's feed watches the channel, and so does the circuit's sidebar (for unread counts).
        Events.SubscriberCount.ShouldBe(2);

        await DisposeComponentsAsync();

        Events.SubscriberCount.ShouldBe(1);
        Services.GetRequiredService<Sidebar>().Dispose();
        Events.SubscriberCount.ShouldBe(0);
    }

    [Fact]
    public void An_unknown_channel_shows_not_found_and_watches_nothing()
    {
        var page = RenderChannel("nope");

        page.Find("#channel-not-found").TextContent.ShouldContain("does not exist");
        Events.Subscriptions.ShouldNotContain(s => s.ChannelId != _general);
    }
}
