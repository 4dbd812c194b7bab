using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.E2E.Tests;

public sealed class ShellTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Page backgrounds of the light (MudBlazor default) and dark (ChatTheme) palettes.
    private const string LightBackground = "rgb(255, 255, 255)";
    private const string DarkBackground = "rgb(26, 29, 33)";

    [Fact]
    public async Task A_new_user_registers_logs_in_again_and_the_dark_theme_is_remembered()
    {
        var app = new ChatPages(await browser.NewPageAsync());

        await app.RegisterAsync("Ann Lee", "ann.lee@example.com");
        await Expect(app.Welcome).ToContainTextAsync("Welcome, Ann Lee");
        await app.LogoutAsync();
        await app.LoginAsync("ann.lee@example.com");
        await Expect(app.Welcome).ToContainTextAsync("Welcome, Ann Lee");
        await Expect(app.PageBody).ToHaveCSSAsync("background-color", LightBackground);

        await Expect(app.ThemeToggle).ToHaveAttributeAsync("aria-label", "Switch to dark theme");
        await app.ThemeToggle.ClickAsync();
        await Expect(app.ThemeToggle).ToHaveAttributeAsync("aria-label", "Switch to light theme");
        await Expect(app.PageBody).ToHaveCSSAsync("background-color", DarkBackground);
        await app.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "home-dark.png") });

        await app.Page.ReloadAsync();
        await app.WaitUntilInteractiveAsync();
        await Expect(app.PageBody).ToHaveCSSAsync("background-color", DarkBackground);
        await Expect(app.ThemeToggle).ToHaveAttributeAsync("aria-label", "Switch to light theme");
    }

    [Fact]
    public async Task On_a_phone_the_navigation_drawer_starts_closed_and_opens_from_the_menu_button()
    {
        var app = new ChatPages(await browser.NewPageAsync(width: 390, height: 844));
        await app.RegisterAsync("Ben Ortiz", "ben@example.com");

        await Expect(app.NavDrawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
        await app.Page.Locator("#drawer-toggle").ClickAsync();

        await Expect(app.NavDrawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await Expect(app.NavDrawer.GetByText("Home")).ToBeVisibleAsync();
        await app.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "phone-drawer.png") });
    }

    [Fact]
    public async Task The_login_page_renders_with_its_styles_and_no_script_errors()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync("/Account/Login");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        var buttonColor = await page.EvaluateAsync<string>(
            "() => getComputedStyle(document.querySelector('#login-submit')).backgroundColor");
        buttonColor.ShouldBe("rgb(74, 21, 75)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "login.png") });
        errors.ShouldBeEmpty();
    }
}
