using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Api;

public sealed class AdminApiTests : WebAppTest
{
    public AdminApiTests() => App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";

    [Fact]
    public async Task Administrators_read_the_nodes_memory_and_members_are_refused()
    {
        var (alice, _) = await ApiClients.ForAsync(App, "alice");
        var (bob, _) = await ApiClients.ForAsync(App, "bob");

        var memory = await alice.GetFromJsonAsync<JsonElement>("/api/v1/admin/memory?collect=true");
        var refused = await bob.GetAsync("/api/v1/admin/memory?collect=true");

        memory.GetProperty("managedBytes").GetInt64().ShouldBeGreaterThan(1_000_000);
        memory.GetProperty("workingSetBytes").GetInt64().ShouldBeGreaterThan(memory.GetProperty("managedBytes").GetInt64());
        memory.GetProperty("compiledMethods").GetInt64().ShouldBeGreaterThan(1_000);
        memory.GetProperty("compilingMilliseconds").GetDouble().ShouldBeGreaterThan(0);
        memory.GetProperty("allocatedBytes").GetInt64().ShouldBeGreaterThan(memory.GetProperty("managedBytes").GetInt64());
        memory.GetProperty("gcPauseMilliseconds").GetDouble().ShouldBeGreaterThan(0);

        // The forced collection asked for is counted among the full collections.
        var collections = memory.GetProperty("gcCollections").EnumerateArray().Select(c => c.GetInt32()).ToArray();
        collections.Length.ShouldBe(3);
        collections[2].ShouldBeGreaterThanOrEqualTo(2);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ApiAuthenticationTests.ProblemCodeAsync(refused)).ShouldBe("auth.admin_only");
    }
}
