using System.Diagnostics;
using System.Text.Json;
using Chat.Application.Search;
using Chat.Domain.Channels;
using Chat.Domain.Messages;
using Chat.Infrastructure.Identity;
using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Chat.Bench.BenchArgs;

namespace Chat.Bench;

/// <summary>
/// Generates N messages over 500 channels and 200 people, indexes them from the change feed with the real indexer,
/// then times a fixed mix of 20 searches with the permission filter of someone in 50 channels, through the real index
/// and, for comparison, as SQL LIKE over the same channels.
/// </summary>
internal static class SearchBenchmark
{
    private const int Channels = 500;
    private const int People = 200;
    private const int SearcherChannels = 50;

    private static readonly string[] Queries =
    [
        "deploy", "release notes", "\"release train\"", "budget review", "incident", "customer escalation", "rollback",
        "database migration", "ISSUE-4711", "foo.bar", "ops@example.com", "deploy*", "meeting -cancelled", "has:link",
        "kubernetes", "quarterly planning", "latency regression", "onboarding", "holiday", "security patch",
    ];

    private static readonly string[] Vocabulary =
    [
        "deploy", "deployed", "deploying", "release", "notes", "train", "budget", "review", "incident", "customer",
        "escalation", "rollback", "database", "migration", "meeting", "cancelled", "kubernetes", "quarterly", "planning",
        "latency", "regression", "onboarding", "holiday", "security", "patch", "lunch", "coffee", "standup", "design",
        "frontend", "backend", "api", "bug", "fix", "test", "staging", "production", "ticket", "sprint", "demo",
        "the", "a", "we", "should", "will", "after", "before", "today", "tomorrow", "please", "thanks", "looks", "good",
        "team", "office", "report", "numbers", "chart", "draft", "final", "plan", "question", "answer", "idea", "update",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var messages = Option(args, "--messages", 1_000_000);
        await using var workspace = await BenchWorkspace.CreateAsync();
        var contexts = workspace.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>();

        var (people, channels) = await CreateWorkspaceAsync(contexts);
        var generateWatch = Stopwatch.StartNew();
        await GenerateMessagesAsync(contexts, people, channels, messages);
        generateWatch.Stop();

        var indexer = workspace.Services.GetRequiredService<SearchIndexer>();
        var indexWatch = Stopwatch.StartNew();
        var applied = await indexer.CatchUpAsync(CancellationToken.None);
        workspace.Services.GetRequiredService<LuceneIndex>().Commit();
        indexWatch.Stop();

        var searcherChannels = channels.Take(SearcherChannels).ToList();
        var index = workspace.Services.GetRequiredService<ISearchIndex>();
        var parsed = Queries.Select(q => SearchQueryParser.Parse(q).Value).ToList();
        var (lucene, slowestQuery) = await TimeAsync(rounds: 10, warmUps: 3, async i =>
            await index.SearchAsync(new SearchCriteria(parsed[i], searcherChannels, [], i % 2 == 0 ? SearchSort.Relevance : SearchSort.Newest, 0, 20), CancellationToken.None));
        var (like, _) = await TimeAsync(rounds: 2, warmUps: 1, async i => await LikeAsync(contexts, searcherChannels, Queries[i]));

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "search",
            messages,
            channels = Channels,
            people = People,
            searcher_channels = SearcherChannels,
            generate_s = Math.Round(generateWatch.Elapsed.TotalSeconds, 1),
            feed_lines_applied = applied,
            index_docs_per_s = Math.Round(messages / indexWatch.Elapsed.TotalSeconds),
            index_mb = Math.Round(DirectorySize(Path.Combine(workspace.DataPath, "search")) / (1024.0 * 1024), 1),
            queries = Queries.Length,
            query_p50_ms = Math.Round(Percentile(lucene, 0.50), 2),
            query_p99_ms = Math.Round(Percentile(lucene, 0.99), 2),
            slowest_query = slowestQuery,
            like_p50_ms = Math.Round(Percentile(like, 0.50), 1),
            like_p99_ms = Math.Round(Percentile(like, 0.99), 1),
        }));
        return 0;
    }

    /// <summary>Runs each of the 20 queries per round; returns the sorted timings in milliseconds and the slowest query.</summary>
    private static async Task<(double[] Timings, string Slowest)> TimeAsync(int rounds, int warmUps, Func<int, Task<object>> query)
    {
        for (var round = 0; round < warmUps; round++)
        {
            for (var i = 0; i < Queries.Length; i++)
            {
                await query(i);
            }
        }

        var timings = new List<(double Ms, int Query)>();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < Queries.Length; i++)
            {
                var watch = Stopwatch.StartNew();
                await query(i);
                timings.Add((watch.Elapsed.TotalMilliseconds, i));
            }
        }

        var slowest = timings.GroupBy(t => t.Query).OrderByDescending(g => g.Average(t => t.Ms)).First();
        return ([.. timings.Select(t => t.Ms).Order()], $"{Queries[slowest.Key]} ({slowest.Average(t => t.Ms):0.#} ms on average)");
    }

    /// <summary>The same search as most chat products start with: a LIKE per word over the permitted channels, newest first.</summary>
    private static async Task<object> LikeAsync(IDbContextFactory<ChatDbContext> contexts, List<Guid> channels, string query)
    {
        await using var db = contexts.CreateDbContext();
        var found = db.Messages.Where(m => channels.Contains(m.ChannelId) && m.DeletedAt == null);
        foreach (var word in query.Split(' ').Where(w => !w.StartsWith('-') && !w.Contains(':')))
        {
            var pattern = $"%{word.Trim('"', '*')}%";
            found = found.Where(m => EF.Functions.Like(m.Body, pattern));
        }

        return await found.OrderByDescending(m => m.Sequence).Take(20).Select(m => m.Id).ToListAsync();
    }

    private static async Task<(List<string> People, List<Guid> Channels)> CreateWorkspaceAsync(IDbContextFactory<ChatDbContext> contexts)
    {
        await using var db = contexts.CreateDbContext();
        var people = Enumerable.Range(0, People).Select(i => new ApplicationUser
        {
            UserName = $"person{i}@bench.chat", NormalizedUserName = $"PERSON{i}@BENCH.CHAT", Email = $"person{i}@bench.chat",
            NormalizedEmail = $"PERSON{i}@BENCH.CHAT", DisplayName = $"Person {i}", Handle = $"person{i}", CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        db.Users.AddRange(people);
        var channels = new List<Channel>();
        for (var i = 0; i < Channels; i++)
        {
            var channel = Channel.Create(
                ChannelName.Create($"bench-{i}").Value, i % 5 == 0 ? ChannelKind.Private : ChannelKind.Public, people[i % People].Id,
                DateTimeOffset.UtcNow).Value;
            channel.AddMember(people[0].Id, DateTimeOffset.UtcNow);
            channels.Add(channel);
        }

        db.Channels.AddRange(channels);
        await db.SaveChangesAsync();
        return (people.ConvertAll(p => p.Id), channels.ConvertAll(c => c.Id));
    }

    /// <summary>Bulk-loads messages directly (the send path has its own benchmark); every insert writes its feed line.</summary>
    private static async Task GenerateMessagesAsync(
        IDbContextFactory<ChatDbContext> contexts, List<string> people, List<Guid> channels, int count)
    {
        var random = new Random(7);
        var sequences = new long[channels.Count];
        var start = DateTimeOffset.UtcNow.AddDays(-365);
        for (var batchStart = 0; batchStart < count; batchStart += 10_000)
        {
            await using var db = contexts.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batchStart; i < Math.Min(count, batchStart + 10_000); i++)
            {
                var channel = random.Next(channels.Count);
                var body = MessageBody.Create(Sentence(random, i)).Value;
                db.Messages.Add(Message.Post(
                    channels[channel], ++sequences[channel], people[random.Next(people.Count)], Guid.NewGuid(), body,
                    start.AddSeconds(i * 30.0)));
            }

            await db.SaveChangesAsync();
        }

        await using var update = contexts.CreateDbContext();
        for (var c = 0; c < channels.Count; c++)
        {
            var last = sequences[c];
            await update.Channels.Where(ch => ch.Id == channels[c]).ExecuteUpdateAsync(s => s.SetProperty(ch => ch.LastSequence, last));
        }
    }

    /// <summary>8–30 words, common ones more often, now and then an identifier, an address or a link.</summary>
    private static string Sentence(Random random, int i)
    {
        var words = Enumerable.Range(0, random.Next(8, 31))
            .Select(_ => Vocabulary[(int)(Vocabulary.Length * Math.Pow(random.NextDouble(), 2))]);
        var extra = (i % 97) switch
        {
            0 => " see ISSUE-" + random.Next(10_000),
            1 => " call foo.bar() again",
            2 => " mail ops@example.com",
            3 => " https://example.com/" + i,
            _ => string.Empty,
        };
        return string.Join(' ', words) + extra;
    }

    private static long DirectorySize(string path) =>
        new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
