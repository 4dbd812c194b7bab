using System.Net;
using System.Net.Http.Json;
using System.Text;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Api;

/// <summary>What one token may send: requests per minute and body size.</summary>
public sealed class ApiLimitsTests : WebAppTest
{
    public ApiLimitsTests()
    {
        App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";
        App.Settings["Api:RequestsPerMinute"] = "3";
        App.Settings["Api:MaxMessageKilobytes"] = "4";
    }

    [Fact]
    public async Task Past_its_requests_per_minute_a_token_gets_429_with_retry_after_and_another_token_does_not()
    {
        var (alice, _) = await ApiClients.ForAsync(App, "alice");
        var (bob, _) = await ApiClients.ForAsync(App, "bob");
        for (var i = 0; i < 3; i++)
        {
            (await alice.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await alice.GetAsync("/api/v1/me");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await ApiAuthenticationTests.ProblemCodeAsync(refused)).ShouldBe("api.rate_limited");
        (await bob.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413_and_writes_nothing()
    {
        // Kestrel enforces the body limit (the in-memory test server does not): a real socket.
        var alice = new HttpClient { BaseAddress = new Uri(App.StartOnLoopback()) };
        alice.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", (await ApiClients.CreateTokenAsync(App, "alice", "limits")).Secret);
        var general = await ApiClients.ChannelIdAsync(App, "general");
        var json = $"{{\"clientMessageId\":\"{Guid.NewGuid()}\",\"body\":\"{new string('a', 5 * 1024)}\"}}";

        var refused = await alice.PostAsync($"/api/v1/channels/{general}/messages", new StringContent(json, Encoding.UTF8, "application/json"));

        refused.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, await refused.Content.ReadAsStringAsync());
        (await ApiAuthenticationTests.ProblemCodeAsync(refused)).ShouldBe("request.too_large");
        var history = await alice.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/api/v1/channels/{general}/messages");
        history!.ShouldBeEmpty();
    }
}
