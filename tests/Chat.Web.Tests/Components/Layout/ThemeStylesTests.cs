using Chat.Domain.Users;
using Chat.Infrastructure.Identity;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Components.Layout;

public sealed class ThemeStylesTests : WebAppTest
{
    private const string LightBackground = "--mud-palette-background: rgba(255,255,255,1)";
    private const string DarkBackground = "--mud-palette-background: rgba(26,29,33,1)";

    [Fact]
    public async Task Pages_carry_both_palettes_and_arrive_in_the_users_stored_theme()
    {
        using var browser = App.CreateBrowser();
        (await browser.RegisterAsync("dee@example.com")).Dispose();

        await SetThemeAsync("dee@example.com", ThemePreference.Light);
        var lightPage = await browser.GetPageAsync("/");
        await SetThemeAsync("dee@example.com", ThemePreference.Dark);
        var darkPage = await browser.GetPageAsync("/");
        await SetThemeAsync("dee@example.com", ThemePreference.System);
        var systemPage = await browser.GetPageAsync("/");

        lightPage.DocumentElement.GetAttribute("data-theme").ShouldBe("light");
        darkPage.DocumentElement.GetAttribute("data-theme").ShouldBe("dark");
        systemPage.DocumentElement.GetAttribute("data-theme").ShouldBe("system");
        var styles = lightPage.QuerySelector("style#chat-theme")!.TextContent;
        Palette(styles, ":root{").ShouldContain(LightBackground);
        Palette(styles, ":root[data-theme=dark]{").ShouldContain(DarkBackground);
        styles[styles.IndexOf("@media (prefers-color-scheme: dark)", StringComparison.Ordinal)..]
            .ShouldStartWith("@media (prefers-color-scheme: dark) {\n:root[data-theme=system]{");
        Palette(styles, ":root[data-theme=system]{").ShouldContain(DarkBackground);
    }

    // The declarations of one rule: from its selector to its closing brace.
    private static string Palette(string styles, string selector)
    {
        var start = styles.IndexOf(selector, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, selector);
        return styles[start..styles.IndexOf('}', start)];
    }

    private async Task SetThemeAsync(string email, ThemePreference theme)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email)).ShouldNotBeNull();
        user.Theme = theme;
        (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
    }
}
