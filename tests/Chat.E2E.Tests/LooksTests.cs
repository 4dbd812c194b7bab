using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.E2E.Tests;

/// <summary>Looks right from the first paint: times, the lightbox, the marks around messages, and accessibility in both themes.</summary>
public sealed class LooksTests(DemoWorkspaceFixture browser) : IClassFixture<DemoWorkspaceFixture>
{
    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png") });

    [Fact]
    public async Task Times_and_search_days_are_the_readers_own_in_the_first_response_before_the_page_is_live()
    {
        var name = $"zones-{Guid.NewGuid():N}"[..18];
        var word = $"kiwi{Guid.NewGuid():N}"[..14];
        var channel = await browser.App.SeedChannelAsync(name, "alice", 0);
        await browser.App.PostAsync(channel, await browser.App.UserIdAsync("alice"), 1, _ => $"{word} at night",
            at: new DateTimeOffset(2026, 6, 1, 20, 15, 0, TimeSpan.Zero));
        var alice = await browser.SignInAsync("alice@demo.chat", timeZone: "Asia/Tokyo");

        // The server's first answer, as a browser gets it before any script runs: 20:15 UTC is 05:15 the next day in Tokyo.
        var html = await (await alice.Page.APIRequest.GetAsync($"/c/{name}")).TextAsync();
        html.ShouldContain(">05:15</time>");

        await Eventually.TrueAsync(async () =>
        {
            var found = await (await alice.Page.APIRequest.GetAsync($"/search?q={word}+on:2026-06-02")).TextAsync();
            return Regex.IsMatch(found, "class=\"search-result\"");
        }, TimeSpan.FromSeconds(15), "the search for the reader's day finds the message in the first response");
        var utcDay = await (await alice.Page.APIRequest.GetAsync($"/search?q={word}+on:2026-06-01")).TextAsync();
        utcDay.ShouldNotContain("class=\"search-result\"");
    }

    [Fact]
    public async Task The_image_lightbox_covers_the_whole_window_with_name_size_download_and_close()
    {
        var name = $"lightbox-{Guid.NewGuid():N}"[..20];
        await browser.App.SeedChannelAsync(name, "alice", 1);
        var alice = await browser.SignInAsync("alice@demo.chat");
        await alice.Page.GotoAsync($"/c/{name}");
        await alice.WaitUntilInteractiveAsync();
        await alice.WaitForComposerAsync();
        await alice.Page.Locator("#composer-files").SetInputFilesAsync(
            new FilePayload { Name = "harbour.png", MimeType = "image/png", Buffer = TestFiles.Png(600, 400) });
        await Expect(alice.Page.Locator("#composer-uploads [data-state='done']")).ToHaveCountAsync(1);
        await alice.Composer.PressAsync("Enter");

        await alice.Page.Locator("#message-list .attachment-thumbnail").ClickAsync(new() { Timeout = 30_000 });

        var lightbox = alice.Page.Locator("#lightbox");
        await Expect(lightbox).ToBeVisibleAsync();
        var box = await lightbox.BoundingBoxAsync();
        box.ShouldNotBeNull();
        (box.X, box.Y, box.Width, box.Height).ShouldBe((0f, 0f, 1280f, 800f));
        await Expect(lightbox.Locator(".lightbox-name")).ToHaveTextAsync("harbour.png");
        await Expect(lightbox.Locator(".lightbox-size")).ToContainTextAsync("B");
        await Expect(lightbox.Locator(".lightbox-download")).ToBeVisibleAsync();
        var topmost = await alice.Page.EvaluateAsync<string>("() => document.elementFromPoint(640, 790).closest('#lightbox') ? 'lightbox' : 'page'");
        topmost.ShouldBe("lightbox");
        await ScreenshotAsync(alice.Page, "lightbox");

        await lightbox.Locator(".lightbox-close").ClickAsync();
        await Expect(lightbox).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Separators_marks_plurals_and_long_messages_look_right()
    {
        var name = $"marks-{Guid.NewGuid():N}"[..18];
        var channel = await browser.App.SeedChannelAsync(name, "alice", 0, members: "bob");
        var alice = await browser.App.UserIdAsync("alice");
        await browser.App.PostAsync(channel, alice, 1, _ => "from yesterday", at: DateTimeOffset.UtcNow.AddDays(-1));
        await browser.App.PostAsync(channel, alice, 1, _ => string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"paragraph {i}")));
        await browser.App.PostAsync(channel, alice, 1, _ => "short and new");
        var bob = await browser.SignInAsync("bob@demo.chat");
        await bob.Page.GotoAsync($"/c/{name}");
        await bob.WaitUntilInteractiveAsync();

        var separator = bob.Page.Locator("#message-list .day-separator").First;
        await Expect(separator).ToHaveCSSAsync("display", "flex");
        await Expect(bob.Page.Locator("#new-messages")).ToHaveCSSAsync("display", "flex");

        var longMessage = bob.Page.Locator("#message-list .message").Filter(new() { HasText = "paragraph 1" });
        var toggle = longMessage.Locator(".message-show-more");
        await Expect(toggle).ToHaveTextAsync("Show more");
        (await longMessage.Locator(".message-body").EvaluateAsync<double>("body => body.getBoundingClientRect().height")).ShouldBeLessThan(400);
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveTextAsync("Show less");
        await Expect(longMessage.Locator(".message-body")).ToContainTextAsync("paragraph 40");
        (await longMessage.Locator(".message-body").EvaluateAsync<double>("body => body.getBoundingClientRect().height")).ShouldBeGreaterThan(400);

        await Expect(bob.Page.Locator("#channel-title")).ToHaveCSSAsync("outline-style", "none");
        await ScreenshotAsync(bob.Page, "channel-marks");
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_main_pages_have_no_serious_accessibility_violations(string theme)
    {
        var erin = await browser.SignInAsync("erin@demo.chat");
        var dark = await erin.ThemeToggle.GetAttributeAsync("aria-label") == "Switch to light theme";
        if (dark != (theme == "dark"))
        {
            await erin.ThemeToggle.ClickAsync();
        }

        var name = $"a11y-{theme}-{Guid.NewGuid():N}"[..20];
        var channel = await browser.App.SeedChannelAsync(name, "alice", 3, members: "erin");
        var mention = await browser.App.PostAsync(
            channel, await browser.App.UserIdAsync("alice"), 1, _ => "@erin a mention for you", [await browser.App.UserIdAsync("erin")]);
        await browser.App.PinAsync(mention[0].Id, "alice");
        await browser.App.MarkReadAsync(channel, "erin", 2);
        var problems = new List<string>();
        foreach (var address in new[] { $"/c/{name}", "/", "/threads", "/channels", "/search?q=history", "/Account/Manage" })
        {
            await erin.Page.GotoAsync(address);
            await erin.Page.Locator(".mud-layout").WaitForAsync();
            if (!address.StartsWith("/Account", StringComparison.Ordinal))
            {
                await erin.WaitUntilInteractiveAsync();
            }

            problems.AddRange((await Accessibility.SeriousViolationsAsync(erin.Page)).Select(v => $"{address}: {v}"));
            await ScreenshotAsync(erin.Page, $"a11y-{theme}-{address.Trim('/').Split('?')[0].Replace('/', '-')}");
        }

        var login = await browser.NewPageAsync();
        await login.GotoAsync("/Account/Login");
        problems.AddRange((await Accessibility.SeriousViolationsAsync(login)).Select(v => $"/Account/Login: {v}"));

        problems.ShouldBeEmpty(string.Join("\n", problems));
    }
}
