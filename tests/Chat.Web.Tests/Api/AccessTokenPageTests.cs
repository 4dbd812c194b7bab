using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Api;

/// <summary>The profile's access token page: create (shown once), see last use, revoke.</summary>
public sealed class AccessTokenPageTests : WebAppTest
{
    private const string Page = "/Account/Manage/AccessTokens";

    public AccessTokenPageTests() => App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";

    [Fact]
    public async Task A_token_made_on_the_profile_is_shown_once_works_for_the_api_and_stops_when_revoked()
    {
        using var alice = App.CreateBrowser();
        (await alice.LoginAsync("alice@demo.chat", "ChatDemo2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var created = await alice.SubmitAsync(Page, "create-token", new Dictionary<string, string> { ["Name"] = "deploy bot", ["ExpiresInDays"] = "30" });
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var secret = new HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync()).QuerySelector("#token-secret")!.TextContent.Trim();
        secret.ShouldStartWith("cet_");

        var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = await alice.GetPageAsync(Page);
        listed.QuerySelector("#token-secret").ShouldBeNull("the secret is shown only once");
        var row = listed.QuerySelector("tr[data-token='deploy bot']")!;
        row.QuerySelector(".token-last-used")!.TextContent.ShouldNotBe("never");
        row.TextContent.ShouldContain(secret[..10]);

        var formName = listed.QuerySelector("tr[data-token='deploy bot'] input[name='_handler']")!.GetAttribute("value")!;
        (await alice.SubmitAsync(Page, formName, new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await alice.GetPageAsync(Page)).QuerySelector("tr[data-token='deploy bot'] .token-state")!.TextContent.ShouldBe("revoked");
    }

    [Fact]
    public async Task A_token_without_a_name_is_refused_with_the_reason()
    {
        using var alice = App.CreateBrowser();
        await alice.LoginAsync("alice@demo.chat", "ChatDemo2026");

        var refused = await alice.SubmitAsync(Page, "create-token", new Dictionary<string, string> { ["Name"] = "  " });

        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        page.QuerySelector("#token-secret").ShouldBeNull();
        page.Body!.TextContent.ShouldContain("Give the token a name");
    }
}
