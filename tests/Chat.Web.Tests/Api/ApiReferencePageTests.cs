using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Api;

public sealed class ApiReferencePageTests : WebAppTest
{
    public ApiReferencePageTests() => App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";

    [Fact]
    public async Task Administrators_browse_every_operation_with_its_parameters_and_others_are_turned_away()
    {
        using var alice = App.CreateBrowser();
        await alice.LoginAsync("alice@demo.chat", "ChatDemo2026");

        var page = await alice.GetPageAsync("/admin/api");

        var send = page.QuerySelectorAll(".api-operation")
            .Single(o => o.QuerySelector(".api-method")!.TextContent == "POST" && o.QuerySelector(".api-path")!.TextContent == "/api/v1/channels/{channelId:guid}/messages");
        send.QuerySelector(".api-summary")!.TextContent.ShouldContain("client message id");
        send.QuerySelectorAll(".api-parameter").Select(p => p.TextContent).ShouldBe(["channelId (path, Guid)", "body (body, SendMessageRequest)"]);
        page.QuerySelectorAll(".api-operation").Length.ShouldBeGreaterThan(20);
        page.QuerySelector("#openapi-link")!.GetAttribute("href").ShouldBe("openapi/v1.json");

        using var bob = App.CreateBrowser();
        await bob.LoginAsync("bob@demo.chat", "ChatDemo2026");
        var refused = await bob.Http.GetAsync("/admin/api");
        refused.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
