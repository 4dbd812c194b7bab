using System.Net;
using Chat.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Chat.Web.Tests.Hosting;

public sealed class HostingTests : WebAppTest
{
    [Fact]
    public async Task Liveness_and_readiness_answer_without_signing_in()
    {
        using var browser = App.CreateBrowser();

        using var live = await browser.Http.GetAsync("/health");
        using var ready = await browser.Http.GetAsync("/health/ready");

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Readiness_fails_when_the_database_becomes_unreachable()
    {
        using var browser = App.CreateBrowser();
        (await browser.Http.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        SqliteConnection.ClearAllPools();
        await DeleteWhileTheIndexerWritesAsync(App.DataPath);
        using var ready = await browser.Http.GetAsync("/health/ready");
        using var live = await browser.Http.GetAsync("/health");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The search indexer may be writing into the data folder as it goes: try again until the folder is gone.</summary>
    private static async Task DeleteWhileTheIndexerWritesAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Yield();
            }
        }
    }

    [Fact]
    public async Task Unknown_route_gets_a_friendly_404_page()
    {
        using var browser = App.CreateBrowser();

        using var response = await browser.Http.GetAsync("/no/such/page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Page not found");
        body.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("Database__Provider", "Oracle", "Database:Provider must be 'Sqlite' or 'SqlServer', not 'Oracle'")]
    [InlineData("Jobs__HousekeepingCron", "every tuesday", "Jobs:HousekeepingCron 'every tuesday' is not a valid cron expression")]
    public async Task An_invalid_setting_stops_the_real_process_naming_the_setting(
        string variable, string value, string message)
    {
        var run = await AppProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            [variable] = value,
            ["Storage__DataPath"] = App.DataPath,
        });

        run.ExitCode.ShouldBe(78);
        run.StandardError.ShouldContain($"Configuration error: {message}");
        (run.StandardOutput + run.StandardError).ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Development_start_up_prints_the_address_and_the_demo_logins()
    {
        var printed = await AppProcess.RunUntilPrintedAsync(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__DataPath"] = App.DataPath,
            },
            lastLine: "erin@demo.chat");

        printed.ShouldMatch(@"Chat.Enterprise is running at http://127\.0\.0\.1:\d+");
        printed.ShouldContain("alice@demo.chat    ChatDemo2026");
        printed.ShouldContain("WorkspaceAdmin");
    }

    [Fact]
    public async Task Production_start_up_seeds_nothing_and_prints_no_logins()
    {
        var printed = await AppProcess.RunUntilPrintedAsync(
            new Dictionary<string, string> { ["Storage__DataPath"] = App.DataPath },
            lastLine: "Chat.Enterprise is running at");

        printed.ShouldNotContain("demo.chat");
        await using var db = new SqliteConnection($"Data Source={Path.Combine(App.DataPath, "chat.db")}");
        await db.OpenAsync();
        using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM AspNetUsers";
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0);
    }
}
