using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Hosting;

public sealed class JobsDashboardTests : WebAppTest
{
    [Fact]
    public async Task Anonymous_visitors_are_refused()
    {
        using var browser = App.CreateBrowser();

        using var response = await browser.Http.GetAsync("/admin/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Members_are_refused_and_the_admin_sees_the_housekeeping_job()
    {
        using var admin = App.CreateBrowser();
        (await admin.RegisterAsync("admin@example.com")).Dispose();
        using var member = App.CreateBrowser();
        (await member.RegisterAsync("member@example.com")).Dispose();

        using var refused = await member.Http.GetAsync("/admin/jobs");
        using var dashboard = await admin.Http.GetAsync("/admin/jobs/recurring");

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await dashboard.Content.ReadAsStringAsync();
        page.ShouldContain("Chat.Enterprise jobs");
        page.ShouldContain("housekeeping");
    }
}
