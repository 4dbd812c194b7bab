using System.Text.Json;
using Microsoft.Playwright;

namespace Chat.E2E.Tests;

/// <summary>axe-core (installed from npm by the test command) run in a page: its serious and critical violations.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> Axe = new(() =>
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Chat.Enterprise.sln")))
        {
            folder = folder.Parent;
        }

        var script = Path.Combine(folder?.FullName ?? ".", "tests", "Chat.E2E.Tests", "axe", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(script)
            ? File.ReadAllText(script)
            : throw new FileNotFoundException("axe-core is missing: the test command installs it (npm ci --prefix tests/Chat.E2E.Tests/axe).", script);
    });

    /// <summary>
    /// The serious and critical violations of WCAG 2 A/AA rules (contrast among them) on the page as it is now, one line
    /// each: rule, impact, and the first elements affected. Evaluated through the browser's debugging protocol, which
    /// the page's content security policy does not restrict.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(Axe.Value);
        var json = await page.EvaluateAsync<string>("""
            async () => {
                const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                return JSON.stringify(results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 160)).join(' | ')}`));
            }
            """);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
