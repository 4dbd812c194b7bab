using Chat.Application.Channels.RemoveMember;
using Chat.Application.Messages.DeleteMessage;
using Chat.Application.Messages.EditMessage;
using Chat.Application.Messages.PinMessage;
using Chat.Application.Messages.SendMessage;
using Chat.Application.People.OpenDirectMessage;
using Chat.Application.Search;
using Chat.Application.Search.SearchMessages;
using Chat.Application.Search.SuggestSearchValues;
using Chat.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Search;

/// <summary>Search over a real Lucene index in a temp folder, kept current from the real change feed in SQLite.</summary>
public sealed class SearchTests : IAsyncLifetime
{
    private TestWorkspace _workspace = default!;
    private Dictionary<string, string> _users = default!;
    private Dictionary<string, Guid> _channels = default!;

    public async Task InitializeAsync()
    {
        _workspace = await TestWorkspace.InitializedAsync(new Dictionary<string, string?> { ["Bootstrap:SeedDemoWorkspace"] = "true" });
        await using var db = _workspace.NewContext();
        _users = await db.Users.ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u.Id);
        _channels = await db.Channels.ToDictionaryAsync(c => c.Name, c => c.Id);
    }

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task Words_are_found_stemmed_and_in_any_case_phrases_only_in_order()
    {
        await PostAsync("alice", "general", "We DEPLOYED the release train to production");
        await PostAsync("bob", "general", "The train left before the release notes were done");

        (await BodiesAsync("bob", "deploying")).ShouldBe(["We DEPLOYED the release train to production"]);
        (await BodiesAsync("bob", "release train")).Count.ShouldBe(2);
        (await BodiesAsync("bob", "\"release train\"")).ShouldBe(["We DEPLOYED the release train to production"]);
        (await BodiesAsync("bob", "prod*")).ShouldBe(["We DEPLOYED the release train to production"]);
        (await BodiesAsync("bob", "DEPLOY*")).ShouldBe(["We DEPLOYED the release train to production"]);
        (await BodiesAsync("bob", "train -deployed")).ShouldBe(["The train left before the release notes were done"]);
    }

    [Theory]
    [InlineData("foo.bar")]
    [InlineData("ISSUE-123")]
    [InlineData("issue")]
    [InlineData("ops@example.com")]
    [InlineData("4711")]
    [InlineData("foo.b*")]
    [InlineData("iss*")]
    public async Task Identifiers_addresses_and_numbers_are_found(string query)
    {
        await PostAsync("alice", "general", "Call `foo.bar()` for ISSUE-123, mail ops@example.com, room 4711.");
        await PostAsync("alice", "general", "Nothing to see here.");

        (await BodiesAsync("bob", query)).ShouldHaveSingleItem().ShouldContain("ISSUE-123");
    }

    [Fact]
    public async Task Filters_narrow_by_person_channel_day_and_kind()
    {
        var standup = await PostAsync("alice", "general", "standup notes https://example.com/notes");
        await PostAsync("bob", "random", "standup is moved");
        await _workspace.Handler<PinMessageHandler>(_users["alice"]).HandleAsync(new PinMessage(standup, true));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        (await BodiesAsync("carol", "standup from:@bob")).ShouldBe(["standup is moved"]);
        (await BodiesAsync("carol", "standup in:#general")).ShouldHaveSingleItem().ShouldStartWith("standup notes");
        (await BodiesAsync("carol", $"standup on:{today}")).Count.ShouldBe(2);
        (await BodiesAsync("carol", $"standup before:{today}")).ShouldBeEmpty();
        (await BodiesAsync("carol", "standup has:link")).ShouldHaveSingleItem().ShouldStartWith("standup notes");
        (await BodiesAsync("carol", "is:pinned")).ShouldHaveSingleItem().ShouldStartWith("standup notes");
        (await SearchAsync("carol", "standup from:@nobody")).Error!.Code.ShouldBe("search.unknown_person");
    }

    [Fact]
    public async Task Days_are_the_searchers_own_where_they_are()
    {
        // 23:30 UTC on 27 November is already 28 November in Tokyo and still the 27th in New York.
        var late = await PostAsync("alice", "general", "late night release");
        await using (var db = _workspace.NewContext())
        {
            var at = new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero);
            await db.Messages.Where(m => m.Id == late).ExecuteUpdateAsync(m => m.SetProperty(x => x.CreatedAt, at));
        }

        (await BodiesAsync("bob", "release on:2026-11-27")).Count.ShouldBe(1);
        (await BodiesAsync("bob", "release on:2026-11-27", "Asia/Tokyo")).ShouldBeEmpty();
        (await BodiesAsync("bob", "release on:2026-11-28", "Asia/Tokyo")).Count.ShouldBe(1);
        (await BodiesAsync("bob", "release before:2026-11-28", "America/New_York")).Count.ShouldBe(1);
        (await BodiesAsync("bob", "release after:2026-11-27")).ShouldBeEmpty();
        (await BodiesAsync("bob", "release after:2026-11-27", "Asia/Tokyo")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Replies_are_threads_and_so_is_their_root()
    {
        var root = await PostAsync("alice", "general", "budget question");
        await _workspace.Handler<SendMessageHandler>(_users["bob"]).HandleAsync(
            new SendMessage(_channels["general"], Guid.NewGuid(), "budget answer", ThreadRootId: root));
        await PostAsync("carol", "general", "budget aside");

        (await BodiesAsync("dan", "budget is:thread")).ShouldBe(["budget question", "budget answer"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_edit_is_found_by_its_new_text_only_and_a_deleted_message_not_at_all()
    {
        var edited = await PostAsync("alice", "general", "meet at noon");
        var deleted = await PostAsync("alice", "general", "meet at the lake");
        await _workspace.Handler<EditMessageHandler>(_users["alice"]).HandleAsync(new EditMessage(edited, "meet at three"));
        await _workspace.Handler<DeleteMessageHandler>(_users["alice"]).HandleAsync(new DeleteMessage(deleted));

        (await BodiesAsync("bob", "noon")).ShouldBeEmpty();
        (await BodiesAsync("bob", "three")).ShouldBe(["meet at three"]);
        (await BodiesAsync("bob", "lake")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_private_channel_is_never_found_by_outsiders_even_by_name_or_after_being_removed()
    {
        await PostAsync("alice", "engineering", "the secret launch codename is bluebird");

        (await BodiesAsync("dan", "bluebird")).ShouldHaveSingleItem();
        (await BodiesAsync("bob", "bluebird")).ShouldBeEmpty();
        (await BodiesAsync("bob", "codename is:pinned")).ShouldBeEmpty();
        (await SearchAsync("bob", "bluebird in:#engineering")).Error!.Code.ShouldBe("search.unknown_channel");

        (await _workspace.Handler<RemoveMemberHandler>(_users["alice"]).HandleAsync(
            new RemoveMember(_channels["engineering"], _users["dan"]))).Succeeded.ShouldBeTrue();

        (await BodiesAsync("dan", "bluebird")).ShouldBeEmpty();
    }

    [Fact]
    public async Task In_a_person_means_the_direct_and_group_messages_with_them_and_only_the_searchers_own()
    {
        var direct = await OpenConversationAsync("alice", "bob");
        var group = await OpenConversationAsync("alice", "bob", "carol");
        var others = await OpenConversationAsync("carol", "dan");
        await PostAsync("alice", direct, "pelican in the direct message");
        await PostAsync("alice", group, "pelican in the group");
        await PostAsync("carol", others, "pelican between carol and dan");
        await PostAsync("alice", "general", "pelican in general");

        (await BodiesAsync("alice", "pelican in:@bob")).Order().ShouldBe(["pelican in the direct message", "pelican in the group"]);
        (await BodiesAsync("alice", "pelican in:@carol")).ShouldBe(["pelican in the group"]);
        (await SearchAsync("alice", "pelican in:@dan")).Error!.Code.ShouldBe("search.unknown_conversation");
        (await BodiesAsync("bob", "pelican in:@alice")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_message_is_searchable_once_the_indexer_applied_its_feed_line()
    {
        await PostAsync("alice", "general", "zeppelin sighting");
        var indexer = _workspace.Services.GetRequiredService<SearchIndexer>();

        (await indexer.CatchUpAsync(default)).ShouldBeGreaterThan(0);

        var page = await _workspace.Services.GetRequiredService<ISearchIndex>().SearchAsync(
            new SearchCriteria(SearchQueryParser.Parse("zeppelin").Value, [_channels["general"]], [], SearchSort.Newest, 0, 10), default);
        page.Total.ShouldBe(1);
        page.Hits[0].Snippet.ShouldContain(new SnippetPart("zeppelin", true));
        (await indexer.CatchUpAsync(default)).ShouldBe(0, "nothing is applied twice");
    }

    [Fact]
    public async Task Filters_complete_with_people_and_only_channels_the_searcher_may_read()
    {
        async Task<List<string>> Suggest(string user, string typed) =>
            [.. (await _workspace.Handler<SuggestSearchValuesHandler>(_users[user]).HandleAsync(new SuggestSearchValues(typed))).Value
                .Select(s => s.Query)];

        (await Suggest("bob", "report from:@ali")).ShouldBe(["report from:@alice "]);
        (await Suggest("dan", "report in:#eng")).ShouldBe(["report in:#engineering "]);
        (await Suggest("bob", "report in:#eng")).ShouldBeEmpty();
        (await Suggest("bob", "in:#gen")).ShouldBe(["in:#general "]);
        (await Suggest("bob", "just words")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Beginnings_longer_than_the_indexed_ones_are_found_too()
    {
        await PostAsync("alice", "general", "Internationalization is done");
        await PostAsync("alice", "general", "International calls are expensive");

        (await BodiesAsync("bob", "internationaliz*")).ShouldBe(["Internationalization is done"]);
        (await BodiesAsync("bob", "internat*")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_search_that_runs_out_of_time_answers_with_what_it_found_and_says_so()
    {
        await PostAsync("alice", "general", "slow query one");
        await PostAsync("alice", "general", "slow query two");
        var index = (LuceneSearchIndex)_workspace.Services.GetRequiredService<ISearchIndex>();
        index.Clock = new RunawayClock();

        var found = await SearchAsync("bob", "slow");

        found.Succeeded.ShouldBeTrue();
        found.Value.TimedOut.ShouldBeTrue();
        found.Value.Results.Count.ShouldBeLessThan(2);
    }

    private Task<Guid> PostAsync(string user, string channel, string text) => PostAsync(user, _channels[channel], text);

    private async Task<Guid> PostAsync(string user, Guid channelId, string text)
    {
        var sent = await _workspace.Handler<SendMessageHandler>(_users[user]).HandleAsync(
            new SendMessage(channelId, Guid.NewGuid(), text));
        return sent.Value.Id;
    }

    private async Task<Guid> OpenConversationAsync(string user, params string[] with)
    {
        var opened = await _workspace.Handler<OpenDirectMessageHandler>(_users[user]).HandleAsync(
            new OpenDirectMessage([.. with.Select(w => _users[w])]));
        return opened.Value.ChannelId;
    }

    private async Task<Chat.Domain.Common.Result<SearchResults>> SearchAsync(string user, string query, string? zone = null)
    {
        await _workspace.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(default);
        return await _workspace.Handler<SearchMessagesHandler>(_users[user]).HandleAsync(
            new SearchMessages(query, TimeZone: zone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zone)));
    }

    private async Task<List<string>> BodiesAsync(string user, string query, string? zone = null)
    {
        var found = await SearchAsync(user, query, zone);
        found.Succeeded.ShouldBeTrue(found.Error?.Message);
        return [.. found.Value.Results.Select(r => r.Message.Body)];
    }

    /// <summary>A clock on which every look takes longer than a search may run.</summary>
    private sealed class RunawayClock : Lucene.Net.Util.Counter
    {
        private long _now;

        public override long AddAndGet(long delta) => _now += delta;

        public override long Value => _now += (long)LuceneSearchIndex.TimeLimit.TotalMilliseconds + 1;
    }
}
