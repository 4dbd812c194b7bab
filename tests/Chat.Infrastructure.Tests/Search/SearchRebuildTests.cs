using Chat.Application.Messages.DeleteMessage;
using Chat.Application.Messages.EditMessage;
using Chat.Application.Messages.PinMessage;
using Chat.Application.Messages.SendMessage;
using Chat.Application.Search;
using Chat.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Search;

public sealed class SearchRebuildTests : IAsyncLifetime
{
    private static readonly string[] Queries =
    [
        "deploy", "\"release train\"", "rel*", "train -deployed", "is:pinned", "is:thread", "has:link", "ISSUE-42", "foo.bar",
        "lake", "noon", "three",
    ];

    private TestWorkspace _workspace = default!;

    public async Task InitializeAsync() =>
        _workspace = await TestWorkspace.InitializedAsync(new Dictionary<string, string?> { ["Bootstrap:SeedDemoWorkspace"] = "true" });

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task An_index_rebuilt_from_the_database_finds_exactly_what_the_incremental_one_found()
    {
        await using (var db = _workspace.NewContext())
        {
            var alice = await db.Users.Where(u => u.Email == "alice@demo.chat").Select(u => u.Id).SingleAsync();
            var channels = await db.Channels.ToDictionaryAsync(c => c.Name, c => c.Id);
            var send = _workspace.Handler<SendMessageHandler>(alice);
            async Task<Guid> Post(string channel, string text, Guid? root = null) =>
                (await send.HandleAsync(new SendMessage(channels[channel], Guid.NewGuid(), text, ThreadRootId: root))).Value.Id;

            var root = await Post("general", "We deployed the release train, see https://example.com");
            await Post("general", "the train is late", root);
            await Post("random", "ISSUE-42 blocks foo.bar");
            var pinned = await Post("random", "meet at noon");
            var gone = await Post("engineering", "meet at the lake");
            await _workspace.Handler<PinMessageHandler>(alice).HandleAsync(new PinMessage(pinned, true));
            await _workspace.Handler<EditMessageHandler>(alice).HandleAsync(new EditMessage(pinned, "meet at three"));
            await _workspace.Handler<DeleteMessageHandler>(alice).HandleAsync(new DeleteMessage(gone));
        }

        await _workspace.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(default);
        var incremental = await HitsAsync();

        await _workspace.Services.GetRequiredService<SearchRebuild>().RunAsync(default);

        (await HitsAsync()).ShouldBe(incremental);
        incremental.Values.Count(hits => hits.Length > 0).ShouldBe(Queries.Length - 2, "all but the deleted and the edited-away text");
        _workspace.Services.GetRequiredService<ISearchMaintenance>().Status().Rebuild!.State.ShouldBe(RebuildState.Finished);
        (await _workspace.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(default)).ShouldBe(0);
    }

    private async Task<Dictionary<string, string>> HitsAsync()
    {
        await using var db = _workspace.NewContext();
        var channels = await db.Channels.Select(c => c.Id).ToListAsync();
        var index = _workspace.Services.GetRequiredService<ISearchIndex>();
        var hits = new Dictionary<string, string>();
        foreach (var query in Queries)
        {
            var found = await index.SearchAsync(
                new SearchCriteria(SearchQueryParser.Parse(query).Value, channels, [], SearchSort.Newest, 0, 100), default);
            hits[query] = string.Join(" ", found.Hits.Select(h => h.MessageId).Order());
        }

        return hits;
    }
}
