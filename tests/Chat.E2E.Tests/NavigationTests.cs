using System.Text.RegularExpressions;
using Chat.Domain.Channels;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.E2E.Tests;

/// <summary>No dead ends: where sign-in lands, what Home shows, account pages, admin addresses and moving around the app.</summary>
public sealed class NavigationTests(DemoWorkspaceFixture browser) : IClassFixture<DemoWorkspaceFixture>
{
    // A value set in the page's window survives moving within the app, and is gone after a full page load.
    private static Task MarkPageAsync(IPage page) => page.EvaluateAsync("() => window.__samePage = true");

    private static Task<bool> IsSamePageAsync(IPage page) => page.EvaluateAsync<bool>("() => window.__samePage === true");

    [Fact]
    public async Task Signing_in_again_lands_on_the_conversation_open_last()
    {
        var name = $"landing-{Guid.NewGuid():N}"[..20];
        await browser.App.SeedChannelAsync(name, "dan", 1);
        var dan = await browser.SignInAsync("dan@demo.chat");
        await dan.OpenChannelAsync(name);

        await dan.LogoutAsync();
        await dan.LoginAsync("dan@demo.chat", DemoWorkspaceFixture.Password);

        await dan.ExpectConversationAsync(name);
        await Expect(dan.Page.Locator("#channel-title")).ToContainTextAsync(name);
    }

    [Fact]
    public async Task Home_shows_unread_conversations_mentions_and_threads_instead_of_a_promise()
    {
        var name = $"home-{Guid.NewGuid():N}"[..18];
        var channel = await browser.App.SeedChannelAsync(name, "alice", 0, members: "erin");
        var alice = await browser.App.UserIdAsync("alice");
        await browser.App.PostAsync(channel, alice, 1, _ => "plain news");
        await browser.App.PostAsync(channel, alice, 1, _ => "@erin please review", [await browser.App.UserIdAsync("erin")]);
        var erin = await browser.SignInAsync("erin@demo.chat");

        await erin.Page.Locator("#nav-drawer a[href='/']").ClickAsync();

        var unread = erin.Page.Locator("#home-unread li").Filter(new() { HasText = name });
        await Expect(unread).ToContainTextAsync("2 unread");
        await Expect(unread).ToContainTextAsync("1 mention");
        await Expect(erin.Page.Locator("body")).Not.ToContainTextAsync("next release");
        await unread.Locator("a").ClickAsync();
        await erin.ExpectConversationAsync(name);
    }

    [Fact]
    public async Task On_an_account_page_the_menu_button_account_menu_theme_toggle_and_product_name_work()
    {
        var carol = await browser.SignInAsync("carol@demo.chat");
        await carol.Page.GotoAsync("/Account/Manage");
        await Expect(carol.Page.GetByRole(AriaRole.Heading, new() { Name = "Your account" })).ToBeVisibleAsync();

        await Expect(carol.NavDrawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
        await carol.Page.Locator("#drawer-toggle").ClickAsync();
        await Expect(carol.NavDrawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        await carol.Page.Locator("#drawer-toggle").ClickAsync();
        await Expect(carol.NavDrawer).ToHaveClassAsync(new Regex("mud-drawer--open"));

        var background = await carol.PageBody.EvaluateAsync<string>("body => getComputedStyle(body).backgroundColor");
        await carol.ThemeToggle.ClickAsync();
        await Expect(carol.Page).ToHaveURLAsync(new Regex("/Account/Manage$"));
        await Expect(carol.PageBody).Not.ToHaveCSSAsync("background-color", background);
        await carol.ThemeToggle.ClickAsync();
        await Expect(carol.PageBody).ToHaveCSSAsync("background-color", background);

        await carol.Page.Locator("#user-menu").ClickAsync();
        await Expect(carol.Page.Locator("#logout")).ToBeVisibleAsync();
        await carol.Page.Locator("#user-menu").ClickAsync();
        await Expect(carol.Page.Locator("#logout")).ToBeHiddenAsync();

        await carol.Page.Locator("#brand").ClickAsync();
        await carol.WaitUntilInteractiveAsync();
        await Expect(carol.Page).Not.ToHaveURLAsync(new Regex("/Account/"));

        await carol.Page.GotoAsync("/Account/Manage");
        await carol.LogoutAsync();
    }

    [Fact]
    public async Task Opening_a_search_result_or_an_admin_page_keeps_the_app_loaded()
    {
        var alice = await browser.SignInAsync("alice@demo.chat");
        var word = $"wombat{Guid.NewGuid():N}"[..16];
        await alice.OpenChannelAsync("general");
        await alice.SendAsync($"a {word} in the garden");
        await Expect(alice.Messages.Last).ToContainTextAsync(word);
        await MarkPageAsync(alice.Page);

        // The index follows within a second or so; the search is made from the page once it can find the message.
        await Eventually.TrueAsync(
            async () => (await (await alice.Page.APIRequest.GetAsync($"/search?q={word}")).TextAsync()).Contains("class=\"search-result\""),
            TimeSpan.FromSeconds(15), "the new message is in the index");
        await alice.Page.Locator("#search-box").FillAsync(word);
        await alice.Page.Locator("#search-box").PressAsync("Enter");
        var results = alice.Page.Locator("#search-results .search-result");
        await Expect(results).ToHaveCountAsync(1);
        await results.Locator("a").ClickAsync();
        await Expect(alice.Page.Locator("#message-list .message.highlighted")).ToContainTextAsync(word);

        await alice.Page.Locator("#nav-drawer a[href='admin/search']").ClickAsync();
        await Expect(alice.Page.Locator("#rebuild-search-index")).ToBeVisibleAsync();
        (await IsSamePageAsync(alice.Page)).ShouldBeTrue("search, a result and an admin page open within the same loaded app");
    }

    [Fact]
    public async Task A_member_opening_an_admin_address_is_told_they_lack_the_permission()
    {
        var bob = await browser.SignInAsync("bob@demo.chat");

        await bob.Page.GotoAsync("/admin/bots");

        await Expect(bob.Page.Locator("#not-permitted")).ToContainTextAsync("You do not have permission");
        await Expect(bob.Page.Locator("body")).Not.ToContainTextAsync("Page not found");
        await Expect(bob.Page.Locator("#not-permitted")).ToContainTextAsync("WorkspaceAdmin");
    }

    [Fact]
    public async Task Leaving_a_private_channel_is_confirmed_and_lands_in_another_conversation()
    {
        var name = $"secret-{Guid.NewGuid():N}"[..18];
        await browser.App.SeedChannelAsync(name, "alice", 1, ChannelKind.Private, members: "dan");
        var dan = await browser.SignInAsync("dan@demo.chat");
        await dan.OpenChannelAsync(name);

        await dan.Page.Locator("#leave-channel").ClickAsync();
        var dialog = dan.Page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("only come back if a member invites you");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dan.Page.Locator($"#sidebar-channels a[data-channel='{name}']")).ToHaveCountAsync(1);

        await dan.Page.Locator("#leave-channel").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();

        await Expect(dan.Page.Locator($"#sidebar-channels a[data-channel='{name}']")).ToHaveCountAsync(0);
        await Expect(dan.Page).ToHaveURLAsync(new Regex("/c/[a-z0-9_-]+$"));
        await Expect(dan.Page).Not.ToHaveURLAsync(new Regex($"/c/{name}$"));
        await Expect(dan.Page.Locator("#channel-title")).ToBeVisibleAsync();
    }
}
