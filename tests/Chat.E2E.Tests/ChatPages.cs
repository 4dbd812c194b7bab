using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.E2E.Tests;

/// <summary>Page object for the account pages and the app shell.</summary>
public sealed class ChatPages(IPage page)
{
    public const string Password = "Correct-Horse-42";

    public IPage Page { get; } = page;

    public ILocator ThemeToggle => Page.Locator("#theme-toggle");

    public ILocator Welcome => Page.Locator("#welcome");

    public ILocator NavDrawer => Page.Locator("#nav-drawer");

    public async Task RegisterAsync(string name, string email)
    {
        await Page.GotoAsync("/");
        await Page.WaitForURLAsync("**/Account/Login**");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Page.FillAsync("#Input\\.DisplayName", name);
        await Page.FillAsync("#Input\\.Email", email);
        await Page.FillAsync("#Input\\.Password", Password);
        await Page.FillAsync("#Input\\.ConfirmPassword", Password);
        await Page.ClickAsync("#register-submit");
        await WaitUntilInteractiveAsync();
    }

    public async Task LoginAsync(string email, string password = Password)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.FillAsync("#Input\\.Email", email);
        await Page.FillAsync("#Input\\.Password", password);
        await Page.ClickAsync("#login-submit");
        await WaitUntilInteractiveAsync();
    }

    public async Task LogoutAsync()
    {
        await Page.Locator("#user-menu").ClickAsync();
        var signOut = await Page.RunAndWaitForResponseAsync(
            () => Page.Locator("#logout").ClickAsync(),
            response => response.Url.EndsWith("/Account/Logout", StringComparison.Ordinal),
            new() { Timeout = 30_000 });

        // A sign-out failed in CI with the page left without its menu. A refusal now says so. Under load, waiting for
        // the URL with WaitForURL (which also waits for the page's load event) timed out while the login page showed,
        // so the address alone is checked.
        if (signOut.Status >= 400)
        {
            throw new InvalidOperationException($"The sign-out was refused: {signOut.Status} {await signOut.TextAsync()}");
        }

        await Expect(Page).ToHaveURLAsync(new Regex("/Account/Login"), new() { Timeout = 30_000 });
    }

    /// <summary>Prerendered buttons are inert until the circuit runs; the layout marks that moment.</summary>
    public Task WaitUntilInteractiveAsync() =>
        Page.Locator(".mud-layout[data-interactive='true']").WaitForAsync();

    public ILocator PageBody => Page.Locator("body");

    public ILocator Messages => Page.Locator("#message-list .message-body");

    public ILocator Composer => Page.Locator("#composer-input");

    /// <summary>
    /// Waits until the address is the conversation /c/<paramref name="name"/> (a regular expression: channel names
    /// read as themselves, "dm-.+" matches any direct message). The app moves between conversations without loading a
    /// page; WaitForURL also waits for a load event and timed out in CI after the conversation had opened, so the
    /// address alone is checked.
    /// </summary>
    public Task ExpectConversationAsync(string name) => Expect(Page).ToHaveURLAsync(new Regex($"/c/{name}$"));

    public async Task OpenChannelAsync(string name)
    {
        await Page.Locator($"#sidebar-channels a[data-channel='{name}']").ClickAsync();
        await ExpectConversationAsync(name);
        await Page.Locator("#channel-title").Filter(new() { HasText = name }).WaitForAsync();
    }

    /// <summary>The composer handles keys (Enter, @) once its script is wired; before that Enter only breaks the line.</summary>
    public Task WaitForComposerAsync(string id = "composer") => Page.Locator($"#{id}[data-ready='true']").WaitForAsync();

    /// <summary>Up in the empty composer, as in Slack: edits the last own message with <paramref name="text"/> once the editor handles keys.</summary>
    public async Task EditLastMessageAsync(string text)
    {
        await Composer.PressAsync("ArrowUp");
        await WaitForComposerAsync("message-editor");
        await Page.Locator("#message-editor-input").FillAsync(text);
        await Page.Locator("#message-editor-input").PressAsync("Enter");
    }

    /// <summary>Types a message and presses Enter, as a person does.</summary>
    public async Task SendAsync(string text)
    {
        await WaitForComposerAsync();
        await Composer.FillAsync(text);
        await Composer.PressAsync("Enter");
    }
}
