using Chat.Application.Messages.SendMessage;
using Chat.Application.Search;
using Chat.E2E.Tests;
using Chat.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Search;

/// <summary>The index outlives restarts: it resumes from the feed position stored with it.</summary>
public sealed class SearchIndexLifecycleTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "chat-search-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task After_a_restart_the_indexer_resumes_where_its_index_is_missing_nothing_and_holding_nothing_twice()
    {
        await using (var before = await StartAsync())
        {
            await PostAsync(before, "orca one", "orca two", "orca three");
            (await Indexer(before).CatchUpAsync(default)).ShouldBe(3);
            before.Services.GetRequiredService<LuceneIndex>().Commit();

            // Applied but not committed when the node stops: the restart applies these again.
            await PostAsync(before, "orca four");
            (await Indexer(before).CatchUpAsync(default)).ShouldBe(1);
        }

        await using var after = await StartAsync();
        await PostAsync(after, "orca five");

        (await Indexer(after).CatchUpAsync(default)).ShouldBe(2, "the uncommitted line again, and the new one");
        var found = await SearchAsync(after, "orca");
        found.Total.ShouldBe(5);
        found.Hits.Select(h => h.MessageId).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public async Task An_index_ahead_of_a_replaced_database_is_rebuilt_from_it()
    {
        await using (var old = await StartAsync())
        {
            await PostAsync(old, "walrus one", "walrus two");
            await Indexer(old).CatchUpAsync(default);
            old.Services.GetRequiredService<LuceneIndex>().Commit();
        }

        File.Delete(Path.Combine(_data, "chat.db"));
        await using var fresh = await StartAsync();
        await PostAsync(fresh, "walrus three");
        await Indexer(fresh).CatchUpAsync(default);

        (await SearchAsync(fresh, "walrus")).Total.ShouldBe(1);
    }

    [Fact]
    public async Task A_line_that_becomes_visible_behind_the_position_already_applied_is_still_applied_once()
    {
        await using var workspace = await StartAsync();
        var indexer = Indexer(workspace);
        indexer.LookBack = 50;
        await PostAsync(workspace, "heron one", "heron two", "heron three");

        // As on SQL Server with concurrent writers: the second line commits after the third was read.
        SearchFeedEntry late;
        await using (var db = workspace.NewContext())
        {
            late = await db.SearchFeed.AsNoTracking().OrderBy(e => e.Position).Skip(1).FirstAsync();
            await db.SearchFeed.Where(e => e.Position == late.Position).ExecuteDeleteAsync();
        }

        (await indexer.CatchUpAsync(default)).ShouldBe(2);
        (await SearchAsync(workspace, "heron")).Total.ShouldBe(2);
        await using (var db = workspace.NewContext())
        {
            db.SearchFeed.Add(late);
            await db.SaveChangesAsync();
        }

        (await indexer.CatchUpAsync(default)).ShouldBe(1);
        (await indexer.CatchUpAsync(default)).ShouldBe(0);
        (await SearchAsync(workspace, "heron")).Total.ShouldBe(3);
    }

    [Fact]
    public async Task On_its_first_start_the_indexer_builds_the_index_from_the_messages_including_those_from_before_the_feed()
    {
        await using var workspace = await StartAsync();
        await PostAsync(workspace, "narwhal one", "narwhal two");
        await using (var db = workspace.NewContext())
        {
            // As in a database that had messages before search was added: they have no feed lines.
            await db.SearchFeed.ExecuteDeleteAsync();
        }

        var index = workspace.Services.GetRequiredService<LuceneIndex>();
        index.NeedsRebuild.ShouldBeTrue();

        var indexer = Indexer(workspace);
        await indexer.StartAsync(default);
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(!index.NeedsRebuild), TimeSpan.FromSeconds(10), "the index is rebuilt");
            (await SearchAsync(workspace, "narwh*")).Total.ShouldBe(2);
        }
        finally
        {
            await indexer.StopAsync(default);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private Task<TestWorkspace> StartAsync() => TestWorkspace.InitializedAsync(new Dictionary<string, string?>
    {
        ["Bootstrap:SeedDemoWorkspace"] = "true",
        ["Storage:DataPath"] = _data,
    });

    private static SearchIndexer Indexer(TestWorkspace workspace) => workspace.Services.GetRequiredService<SearchIndexer>();

    private static async Task PostAsync(TestWorkspace workspace, params string[] texts)
    {
        await using var db = workspace.NewContext();
        var alice = await db.Users.Where(u => u.Email == "alice@demo.chat").Select(u => u.Id).SingleAsync();
        var general = await db.Channels.Where(c => c.Name == "general").Select(c => c.Id).SingleAsync();
        foreach (var text in texts)
        {
            (await workspace.Handler<SendMessageHandler>(alice).HandleAsync(new SendMessage(general, Guid.NewGuid(), text))).Succeeded.ShouldBeTrue();
        }
    }

    private static async Task<IndexMatches> SearchAsync(TestWorkspace workspace, string query)
    {
        await using var db = workspace.NewContext();
        var channels = await db.Channels.Select(c => c.Id).ToListAsync();
        return await workspace.Services.GetRequiredService<ISearchIndex>().SearchAsync(
            new SearchCriteria(SearchQueryParser.Parse(query).Value, channels, [], SearchSort.Newest, 0, 50), default);
    }
}
