using MudBlazor;

namespace Chat.Web.Components.Layout;

/// <summary>
/// The app's palette and type; fonts are the system's, since the app must work offline. Text on every colour passes WCAG AA
/// in both themes (the browser tests check it with axe-core).
/// </summary>
internal static class ChatTheme
{
    /// <summary>The theme with its variables emitted under <paramref name="scope"/> (a CSS selector).</summary>
    public static MudTheme Scoped(string scope) => new()
    {
        PseudoCss = new PseudoCss { Scope = scope },
        PaletteLight = new PaletteLight
        {
            Primary = "#4a154b",
            Secondary = "#1264a3",
            Error = "#d32f2f",
            AppbarBackground = "#3f0e40",
            DrawerBackground = "#f8f8fa",
        },
        PaletteDark = new PaletteDark
        {
            // Light colours on a dark page carry dark text, so text on them passes WCAG AA (4.5:1) too.
            Primary = "#c9a2d8",
            PrimaryContrastText = "#1a1d21",
            Secondary = "#59a7e0",
            SecondaryContrastText = "#1a1d21",
            Error = "#ef8a80",
            ErrorContrastText = "#1a1d21",
            AppbarBackground = "#1a1d21",
            DrawerBackground = "#19171d",
            Surface = "#222529",
            Background = "#1a1d21",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
