using static Microsoft.Playwright.Assertions;

namespace Chat.E2E.Tests;

public sealed class AdminJobsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_first_account_is_admin_and_reaches_the_jobs_dashboard_from_the_navigation()
    {
        var app = new ChatPages(await browser.NewPageAsync());
        var errors = new List<string>();
        app.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await app.RegisterAsync("Ada Admin", "ada@example.com");

        await app.NavDrawer.GetByText("Background jobs").ClickAsync();
        await app.Page.WaitForURLAsync("**/admin/jobs**");
        await app.Page.Locator("a[href$='/admin/jobs/recurring']").First.ClickAsync();

        await Expect(app.Page.Locator("body")).ToContainTextAsync("housekeeping");
        await app.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "admin-jobs.png") });

        // Running it from the dashboard proves the job server executes the real job.
        await app.Page.Locator("tr").Filter(new() { HasText = "housekeeping" }).Locator("input.js-jobs-list-checkbox").CheckAsync();
        await app.Page.GetByText("Trigger now").ClickAsync();

        // The dashboard reloads itself after the trigger, so the outcome is watched from a second tab.
        var succeeded = await app.Page.Context.NewPageAsync();
        await Eventually.TrueAsync(
            async () =>
            {
                await succeeded.GotoAsync("/admin/jobs/jobs/succeeded");
                return (await succeeded.Locator("body").TextContentAsync() ?? "").Contains("RunHousekeepingJob");
            },
            TimeSpan.FromSeconds(20),
            "the triggered housekeeping job is listed as succeeded");
        errors.ShouldBeEmpty();
    }
}
