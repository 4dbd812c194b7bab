using Chat.Application.Search;
using Chat.E2E.Tests;
using Chat.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Search;

/// <summary>The rebuild runs as a real background job in the running app and reports its progress.</summary>
public sealed class SearchRebuildJobTests : WebAppTest
{
    public SearchRebuildJobTests() => App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";

    [Fact]
    public async Task A_requested_rebuild_runs_as_a_job_and_finishes()
    {
        _ = App.Server;
        var search = App.Services.GetRequiredService<ISearchMaintenance>();

        var requestedAt = DateTimeOffset.UtcNow;
        search.RequestRebuild(requestedAt);

        // The request shows at once: queued, or already running or done, since the job can start before the status is read.
        var requested = search.Status().Rebuild.ShouldNotBeNull();
        requested.RequestedAt.ShouldBe(requestedAt);
        requested.State.ShouldNotBe(RebuildState.Failed);
        await Eventually.TrueAsync(
            () => Task.FromResult(search.Status().Rebuild?.State == RebuildState.Finished),
            TimeSpan.FromSeconds(20),
            "the rebuild job to finish");
    }
}
