using Microsoft.Playwright;

namespace Chat.E2E.Tests;

/// <summary>One app server and one headless Debian Chromium shared by the tests of a class.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly bool _seedDemoWorkspace;
    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(seedDemoWorkspace: false)
    {
    }

    protected BrowserFixture(bool seedDemoWorkspace) => _seedDemoWorkspace = seedDemoWorkspace;

    public AppServer App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        // CI runs every test project at once on two cores; give live updates room before calling them lost.
        Assertions.SetDefaultExpectTimeout(15_000);
        App = new AppServer(_seedDemoWorkspace);
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>Debian's headless Chromium: the Playwright package cannot download its own browser here.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHAT_E2E_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });

    /// <param name="timeZone">The browser's time zone (an IANA id); default the machine's.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, string? timeZone = null)
    {
        // A context per page: its own cookies, so two pages can be two different people.
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = timeZone,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        LogProblems(page);
        return page;
    }

    /// <summary>A page's console warnings and errors (Blazor reports lost connections there) and its script errors.</summary>
    public static void LogProblems(IPage page)
    {
        if (!FailureLog.Enabled)
        {
            return;
        }

        var name = $"browser {Guid.NewGuid().ToString("N")[..6]}";
        page.Console += (_, message) =>
        {
            if (message.Type is "warning" or "error")
            {
                FailureLog.Write(name, $"{message.Type}: {message.Text} ({page.Url})");
            }
        };
        page.PageError += (_, error) => FailureLog.Write(name, $"script error: {error} ({page.Url})");
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The same, over the seeded demo workspace (alice, bob, … with channels).</summary>
public sealed class DemoWorkspaceFixture() : BrowserFixture(seedDemoWorkspace: true)
{
    /// <summary>Every demo account's password.</summary>
    public const string Password = "ChatDemo2026";

    /// <summary>A new browser context signed in as the demo person <paramref name="email"/>.</summary>
    /// <param name="timeZone">The browser's time zone; default the machine's.</param>
    /// <param name="networkDelay">A delay each way on the live connection (see <see cref="SlowNetwork"/>); default none.</param>
    public async Task<ChatPages> SignInAsync(string email, string? timeZone = null, TimeSpan? networkDelay = null)
    {
        var page = await NewPageAsync(timeZone: timeZone);
        if (networkDelay is { } delay)
        {
            await page.DelayLiveConnectionAsync(delay);
        }

        var pages = new ChatPages(page);
        await pages.LoginAsync(email, Password);
        return pages;
    }
}
