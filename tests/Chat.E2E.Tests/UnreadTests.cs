using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.E2E.Tests;

/// <summary>What is unread is easy to find: where a channel opens, the pills that lead there, and a list that stays put.</summary>
public sealed class UnreadTests(DemoWorkspaceFixture browser) : IClassFixture<DemoWorkspaceFixture>
{
    // 60 messages from alice; bob has read the first 20.
    private async Task<string> ChannelWithUnreadAsync()
    {
        var name = $"unread-{Guid.NewGuid():N}"[..20];
        var channel = await browser.App.SeedChannelAsync(name, "alice", 60, members: "bob");
        await browser.App.MarkReadAsync(channel, "bob", 20);
        return name;
    }

    private static Task<double> DividerOffsetAsync(ChatPages reader) => reader.Page.EvaluateAsync<double>(
        "() => document.querySelector('#new-messages').getBoundingClientRect().top - document.querySelector('#message-list').getBoundingClientRect().top");

    private static Task<bool> AtBottomAsync(ChatPages reader) => reader.Page.Locator("#message-list")
        .EvaluateAsync<bool>("list => list.scrollHeight - list.scrollTop - list.clientHeight < 4");

    private static async Task ExpectDividerNearTheTopAsync(ChatPages reader)
    {
        await Expect(reader.Page.Locator("#new-messages")).ToBeInViewportAsync();
        await Expect(reader.Page.Locator("#message-21")).ToBeInViewportAsync();
        await Eventually.TrueAsync(async () => await DividerOffsetAsync(reader) is >= 0 and < 120, TimeSpan.FromSeconds(5),
            "the divider sits near the top of the list");
    }

    [Fact]
    public async Task A_full_page_load_opens_at_the_new_messages_divider_near_the_top()
    {
        var name = await ChannelWithUnreadAsync();
        var bob = await browser.SignInAsync("bob@demo.chat");

        await bob.Page.GotoAsync($"/c/{name}");
        await bob.WaitUntilInteractiveAsync();

        await ExpectDividerNearTheTopAsync(bob);
        await Expect(bob.Page.Locator("#new-messages + article, #new-messages + *")).ToContainTextAsync("history message 21");
    }

    [Fact]
    public async Task Switching_to_a_channel_opens_at_its_divider_and_jump_to_unread_leads_back_there()
    {
        var name = await ChannelWithUnreadAsync();
        var bob = await browser.SignInAsync("bob@demo.chat");
        await bob.OpenChannelAsync("general");
        await Expect(bob.Page.Locator("#new-messages")).ToHaveCountAsync(0);

        await bob.OpenChannelAsync(name);

        await ExpectDividerNearTheTopAsync(bob);
        var jump = bob.Page.Locator("#jump-to-unread");
        await Expect(jump).ToBeHiddenAsync();
        await bob.Page.Locator("#message-list").EvaluateAsync("list => list.scrollTop = list.scrollHeight");
        await Expect(jump).ToBeVisibleAsync();
        await jump.ClickAsync();
        await Expect(bob.Page.Locator("#new-messages")).ToBeInViewportAsync();
        await Expect(jump).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_message_arriving_while_scrolled_up_offers_new_messages_below_and_one_at_the_bottom_stays_in_view_with_its_image()
    {
        var name = $"below-{Guid.NewGuid():N}"[..18];
        await browser.App.MarkReadAsync(await browser.App.SeedChannelAsync(name, "alice", 40, members: "bob"), "bob", 40);
        var alice = await browser.SignInAsync("alice@demo.chat");
        var bob = await browser.SignInAsync("bob@demo.chat");
        await bob.Page.GotoAsync($"/c/{name}");
        await bob.WaitUntilInteractiveAsync();
        await alice.Page.GotoAsync($"/c/{name}");
        await alice.WaitUntilInteractiveAsync();
        await Eventually.TrueAsync(() => AtBottomAsync(bob), TimeSpan.FromSeconds(5), "bob's list opens at the bottom");

        // At the bottom, a live image (taller than a line once its thumbnail shows) keeps the list at the bottom.
        await alice.WaitForComposerAsync();
        await alice.Page.Locator("#composer-files").SetInputFilesAsync(
            new FilePayload { Name = "tall.png", MimeType = "image/png", Buffer = TestFiles.Png(200, 300) });
        await Expect(alice.Page.Locator("#composer-uploads [data-state='done']")).ToHaveCountAsync(1);
        await alice.Composer.PressAsync("Enter");
        var thumbnail = bob.Page.Locator("#message-list .attachment-thumbnail");
        await Expect(thumbnail).ToHaveJSPropertyAsync("complete", true, new() { Timeout = 30_000 });
        await Eventually.TrueAsync(() => AtBottomAsync(bob), TimeSpan.FromSeconds(5), "bob's list is still at the bottom");
        await Expect(thumbnail).ToBeInViewportAsync();

        // Scrolled up, a new message does not move the list: a pill says it is there.
        var below = bob.Page.Locator("#new-messages-below");
        await Expect(below).ToBeHiddenAsync();
        await bob.Page.Locator("#message-list").EvaluateAsync("list => list.scrollTop = 0");
        await alice.SendAsync("something new at the bottom");
        await Expect(below).ToBeVisibleAsync();
        (await AtBottomAsync(bob)).ShouldBeFalse();
        await below.ClickAsync();
        await Expect(bob.Messages.Last).ToBeInViewportAsync();
        await Expect(below).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_up_arrow_editor_opens_in_view_and_saving_or_cancelling_gives_the_focus_back_to_the_composer()
    {
        var name = $"editing-{Guid.NewGuid():N}"[..18];
        await browser.App.SeedChannelAsync(name, "alice", 1);
        var alice = await browser.SignInAsync("alice@demo.chat");
        await alice.Page.GotoAsync($"/c/{name}");
        await alice.WaitUntilInteractiveAsync();
        await alice.SendAsync("first draft");
        await Expect(alice.Messages.Last).ToHaveTextAsync("first draft");

        await alice.Composer.PressAsync("ArrowUp");
        await alice.WaitForComposerAsync("message-editor");
        await Expect(alice.Page.Locator("#message-editor")).ToBeInViewportAsync();
        await Expect(alice.Page.Locator("#message-editor-input")).ToBeFocusedAsync();
        await alice.Page.Locator("#message-editor-input").FillAsync("second draft");
        await alice.Page.Locator("#message-editor-input").PressAsync("Enter");
        await Expect(alice.Messages.Last).ToHaveTextAsync("second draft (edited)");
        await Expect(alice.Composer).ToBeFocusedAsync();

        await alice.Composer.PressAsync("ArrowUp");
        await alice.WaitForComposerAsync("message-editor");
        await alice.Page.Locator("#message-editor-input").PressAsync("Escape");
        await Expect(alice.Page.Locator("#message-editor")).ToHaveCountAsync(0);
        await Expect(alice.Composer).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_threads_link_shows_the_new_replies_the_threads_page_shows()
    {
        var name = $"replies-{Guid.NewGuid():N}"[..18];
        await browser.App.SeedChannelAsync(name, "erin", 1, members: "dan");
        var erin = await browser.SignInAsync("erin@demo.chat");
        var dan = await browser.SignInAsync("dan@demo.chat");
        await dan.Page.GotoAsync($"/c/{name}");
        await dan.WaitUntilInteractiveAsync();

        var root = dan.Page.Locator("#message-list .message").First;
        await root.HoverAsync();
        await root.Locator("button.message-more").ClickAsync();
        await root.Locator("[data-action='reply']").ClickAsync();
        await dan.WaitForComposerAsync("thread-composer");
        foreach (var reply in new[] { "first reply", "second reply" })
        {
            await dan.Page.Locator("#thread-composer-input").FillAsync(reply);
            await dan.Page.Locator("#thread-composer-input").PressAsync("Enter");
            await Expect(dan.Page.Locator("#thread-messages .message-body").Last).ToHaveTextAsync(reply);
        }

        var badge = erin.Page.Locator("#threads-link .threads-badge");
        await Expect(badge).ToHaveTextAsync("2");
        await erin.Page.Locator("#threads-link").ClickAsync();
        await Expect(erin.Page.Locator("#followed-threads li").Filter(new() { HasText = "history message 1" }).Locator(".followed-unread"))
            .ToHaveTextAsync("2 new");
        await erin.Page.Locator("#followed-threads li a").Filter(new() { HasText = "history message 1" }).ClickAsync();
        await Expect(erin.Page.Locator("#thread-panel")).ToBeVisibleAsync();
        await Expect(badge).ToHaveCountAsync(0);
    }
}
