using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Chat.E2E.Tests;

/// <summary>Two app processes on two loopback ports sharing one database and one Redis, and a browser.</summary>
public sealed class TwoNodesFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chat-e2e-nodes", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public AppNode NodeA { get; private set; } = default!;

    public AppNode NodeB { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        var redis = Environment.GetEnvironmentVariable("CHAT_TEST_REDIS");
        if (string.IsNullOrEmpty(redis))
        {
            throw new InvalidOperationException("CHAT_TEST_REDIS is not set: ./test.sh starts Redis for the two-node tests.");
        }

        var database = Path.Combine(_folder, "shared.db");
        Directory.CreateDirectory(_folder);

        // One after the other: the first creates and seeds the database the second then finds ready.
        NodeA = await AppNode.StartAsync(Path.Combine(_folder, "a"), database, redis);
        NodeB = await AppNode.StartAsync(Path.Combine(_folder, "b"), database, redis);

        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    /// <summary>A signed-in person in a browser context of their own, talking to one node.</summary>
    public async Task<ChatPages> SignInAsync(AppNode node, string email)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = node.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        BrowserFixture.LogProblems(page);
        var pages = new ChatPages(page);
        await pages.LoginAsync(email, "ChatDemo2026");
        return pages;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (NodeB is not null)
        {
            await NodeB.DisposeAsync();
        }

        if (NodeA is not null)
        {
            await NodeA.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
