using System.Net;
using Chat.Web.Tests.Api;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Hardening;

/// <summary>Numbers far out of range get a clear refusal, the same on the API and the page, never a server error.</summary>
public sealed class OutOfRangeTests : WebAppTest
{
    public OutOfRangeTests() => App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("501")]
    [InlineData("2147483647")]
    public async Task A_search_page_out_of_range_is_refused_with_the_range_on_the_api(string page)
    {
        var (alice, _) = await ApiClients.ForAsync(App, "alice");

        var response = await alice.GetAsync($"/api/v1/search?q=hello&page={page}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiAuthenticationTests.ProblemCodeAsync(response)).ShouldBe("search.page");
    }

    [Fact]
    public async Task A_search_page_out_of_range_says_so_on_the_search_page()
    {
        var alice = App.CreateBrowser();
        (await alice.LoginAsync("alice@demo.chat", "ChatDemo2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await alice.Http.GetAsync("/search?q=hello&page=2147483647");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Ask for a result page between 1 and 500.");
    }
}
