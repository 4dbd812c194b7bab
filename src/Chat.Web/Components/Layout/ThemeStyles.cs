using System.Text;
using System.Text.RegularExpressions;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Chat.Web.Components.Layout;

/// <summary>
/// The theme's style sheet, made once per process and sent in every page's head: the light palette on the root, the
/// dark one under <c>data-theme="dark"</c> and, for people who follow their system, under <c>data-theme="system"</c>
/// when the browser prefers dark. Switching theme is then one attribute, and no circuit holds a copy of the styles
/// (MudThemeProvider keeps ~50 KB of them in every circuit's render tree).
/// </summary>
internal sealed partial class ThemeStyles(IServiceProvider services, ILoggerFactory loggers)
{
    private readonly Lazy<Task<MarkupString>> _styles = new(() => BuildAsync(services, loggers));

    public Task<MarkupString> GetAsync() => _styles.Value;

    /// <summary>The value of the page's data-theme attribute for a preference.</summary>
    public static string AttributeFor(ThemePreference preference) => preference switch
    {
        ThemePreference.Dark => "dark",
        ThemePreference.System => "system",
        _ => "light",
    };

    private static async Task<MarkupString> BuildAsync(IServiceProvider services, ILoggerFactory loggers)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var css = new StringBuilder();
        css.AppendJoin('\n', StyleBodies(await RenderAsync(renderer, ":root", isDark: false)));
        css.Append('\n').Append(await PaletteAsync(renderer, ":root[data-theme=dark]"));
        css.Append("\n@media (prefers-color-scheme: dark) {\n").Append(await PaletteAsync(renderer, ":root[data-theme=system]")).Append("\n}");
        return new MarkupString($"<style id=\"chat-theme\">{css}</style>");
    }

    private static Task<string> RenderAsync(HtmlRenderer renderer, string scope, bool isDark) => renderer.Dispatcher.InvokeAsync(async () =>
    {
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(MudThemeProvider.Theme)] = ChatTheme.Scoped(scope),
            [nameof(MudThemeProvider.IsDarkMode)] = isDark,
        });
        var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
        return output.ToHtmlString();
    });

    // Only the style element under the scope holds the palette; the others (scroll bars) are the same in both themes.
    private static async Task<string> PaletteAsync(HtmlRenderer renderer, string scope) =>
        StyleBodies(await RenderAsync(renderer, scope, isDark: true)).Single(body => body.StartsWith(scope + "{", StringComparison.Ordinal));

    private static List<string> StyleBodies(string html) =>
        StyleElement().Matches(html).Select(m => m.Groups[1].Value.Trim()).ToList();

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
