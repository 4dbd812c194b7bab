using static Microsoft.Playwright.Assertions;

namespace Chat.E2E.Tests;

/// <summary>What a person types is never lost: fast typing, slow networks, drafts, long pastes, outages and uploads.</summary>
public sealed class ComposerTests(DemoWorkspaceFixture browser) : IClassFixture<DemoWorkspaceFixture>
{
    private async Task<string> NewChannelAsync(string prefix, int messages = 1)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..20];
        await browser.App.SeedChannelAsync(name, "alice", messages, members: "bob");
        return name;
    }

    private static async Task OpenAsync(ChatPages person, string channel)
    {
        await person.Page.GotoAsync($"/c/{channel}");
        await person.WaitUntilInteractiveAsync();
        await person.WaitForComposerAsync();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(400)]
    public async Task Text_typed_right_after_Enter_is_kept_and_each_message_is_sent_once_in_order(int delayMilliseconds)
    {
        var channel = await NewChannelAsync("fast");
        var alice = await browser.SignInAsync("alice@demo.chat", networkDelay: TimeSpan.FromMilliseconds(delayMilliseconds));
        await OpenAsync(alice, channel);

        await alice.Composer.PressSequentiallyAsync("first message");
        await alice.Composer.PressAsync("Enter");
        await alice.Composer.PressSequentiallyAsync("second message");
        await alice.Composer.PressAsync("Enter");
        await alice.Composer.PressSequentiallyAsync("still typing");

        await Expect(alice.Messages).ToHaveTextAsync(["history message 1", "first message", "second message"]);
        await Expect(alice.Composer).ToHaveValueAsync("still typing");
        await Expect(alice.Page.Locator("#composer-outbox li")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_draft_stays_with_its_channel_or_thread_across_switches_and_a_reload()
    {
        var first = await NewChannelAsync("draft-a");
        var second = await NewChannelAsync("draft-b");
        var alice = await browser.SignInAsync("alice@demo.chat");
        await OpenAsync(alice, first);

        await alice.Composer.PressSequentiallyAsync("half a thought for the first");
        await alice.OpenChannelAsync(second);
        await Expect(alice.Composer).ToHaveValueAsync("");
        await alice.Composer.PressSequentiallyAsync("for the second");

        await alice.OpenChannelAsync(first);
        await Expect(alice.Composer).ToHaveValueAsync("half a thought for the first");

        var root = alice.Page.Locator("#message-list .message").First;
        await root.HoverAsync();
        await root.Locator("button.message-more").ClickAsync();
        await root.Locator("[data-action='reply']").ClickAsync();
        await alice.WaitForComposerAsync("thread-composer");
        await Expect(alice.Page.Locator("#thread-composer-input")).ToHaveValueAsync("");
        await alice.Page.Locator("#thread-composer-input").PressSequentiallyAsync("a reply not sent yet");
        await alice.Page.Locator("#thread-close").ClickAsync();
        await Expect(alice.Composer).ToHaveValueAsync("half a thought for the first");

        await alice.Page.ReloadAsync();
        await alice.WaitUntilInteractiveAsync();
        await alice.WaitForComposerAsync();
        await Expect(alice.Composer).ToHaveValueAsync("half a thought for the first");
        await alice.OpenChannelAsync(second);
        await Expect(alice.Composer).ToHaveValueAsync("for the second");
        await Expect(alice.Messages).ToHaveTextAsync(["history message 1"]);
    }

    [Fact]
    public async Task A_long_paste_is_refused_before_sending_with_the_limit_keeps_the_text_and_can_go_as_a_text_file()
    {
        var channel = await NewChannelAsync("paste");
        var alice = await browser.SignInAsync("alice@demo.chat");
        await OpenAsync(alice, channel);
        var log = string.Concat(Enumerable.Range(1, 2000).Select(i => $"{i:D4} INFO worker done ✓ in 12ms\n"))[..40_000];

        await alice.Composer.FillAsync(log);
        await alice.Composer.PressAsync("Enter");

        var error = alice.Page.Locator("#composer-error");
        await Expect(error).ToContainTextAsync("Messages can be at most 16,000 characters; this one has 40,000.");
        await Expect(alice.Composer).ToHaveValueAsync(log);
        await Expect(alice.Page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();

        await error.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Send it as a text file" }).ClickAsync();

        var sent = alice.Page.Locator("#message-list .message").Filter(new() { Has = alice.Page.Locator(".attachment") });
        await Expect(sent.Locator(".attachment")).ToContainTextAsync("message.txt", new() { Timeout = 30_000 });
        await Expect(alice.Composer).ToHaveValueAsync("");
        await Expect(error).ToBeHiddenAsync();
    }

    [Fact]
    public async Task While_the_connection_is_down_a_banner_says_so_and_a_message_written_meanwhile_waits_as_sending_until_stored()
    {
        var channel = await NewChannelAsync("outage");
        var alice = await browser.SignInAsync("alice@demo.chat");
        var bob = await browser.SignInAsync("bob@demo.chat");
        await OpenAsync(alice, channel);
        await OpenAsync(bob, channel);
        var banner = bob.Page.Locator("#components-reconnect-modal");

        await bob.Page.Context.SetOfflineAsync(true);
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(banner).ToContainTextAsync("Connection lost");
        await bob.Composer.PressSequentiallyAsync("written while offline");
        await bob.Composer.PressAsync("Enter");

        var waiting = bob.Page.Locator("#composer-outbox li");
        await Expect(waiting.Locator(".composer-outbox-text")).ToHaveTextAsync("written while offline");
        await Expect(waiting.Locator(".composer-outbox-status")).ToHaveTextAsync("sending…");
        await Expect(bob.Composer).ToHaveValueAsync("");

        await bob.Page.Context.SetOfflineAsync(false);
        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(waiting).ToHaveCountAsync(0);
        await Expect(alice.Messages).ToHaveTextAsync(["history message 1", "written while offline"]);
        await Expect(bob.Messages).ToHaveTextAsync(["history message 1", "written while offline"]);
    }

    [Fact]
    public async Task Enter_during_an_upload_says_the_message_waits_for_it_and_sends_both_once_it_is_done()
    {
        var channel = await NewChannelAsync("upload");
        var alice = await browser.SignInAsync("alice@demo.chat");
        await OpenAsync(alice, channel);
        var release = new TaskCompletionSource();
        await alice.Page.RouteAsync("**/files", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        await alice.Page.Locator("#composer-files").SetInputFilesAsync(
            new Microsoft.Playwright.FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "meeting notes"u8.ToArray() });
        await Expect(alice.Page.Locator("#composer-uploads progress")).ToHaveCountAsync(1);
        await alice.Composer.PressSequentiallyAsync("notes attached");
        await alice.Composer.PressAsync("Enter");

        await Expect(alice.Page.Locator("#composer-outbox li .composer-outbox-status")).ToHaveTextAsync("waits for the upload to finish…");
        await Expect(alice.Composer).ToHaveValueAsync("");
        release.SetResult();

        var sent = alice.Page.Locator("#message-list .message").Filter(new() { HasText = "notes attached" });
        await Expect(sent.Locator(".attachment")).ToContainTextAsync("notes.txt", new() { Timeout = 30_000 });
        await Expect(alice.Page.Locator("#composer-outbox li")).ToHaveCountAsync(0);
        await Expect(alice.Page.Locator("#composer-uploads")).ToHaveCountAsync(0);
    }
}
