using System.Diagnostics;
using System.Text.Json;
using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Messages;
using Chat.Application.Messages.GetHistory;
using Chat.Application.Messages.SendMessage;
using Chat.Domain.Messages;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Chat.Bench.BenchArgs;

namespace Chat.Bench;

/// <summary>
/// Sends through the real SendMessage use case on SQLite (default durable commits), then times loading
/// the newest page of a channel that holds many messages through the real GetHistory use case.
/// </summary>
internal static class MessagingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sends = Option(args, "--sends", 10_000);
        var warmUpSends = Option(args, "--warm-up-sends", 2_000);
        var senders = Option(args, "--senders", 8);
        var historyMessages = Option(args, "--history-messages", 100_000);
        const int historyQueries = 1_000;

        await using var workspace = await BenchWorkspace.CreateAsync();
        var (users, general, random, announcements) = await DemoIdsAsync(workspace);

        // The steady state is measured: JIT tiering and EF's query caches warm up on another channel first.
        await SendAllAsync(workspace, users, announcements, warmUpSends, senders);
        var sendWatch = Stopwatch.StartNew();
        await SendAllAsync(workspace, users, general, sends, senders);
        sendWatch.Stop();

        await FillChannelAsync(workspace, random, users[0], historyMessages);
        var history = new GetHistoryHandler(new FixedActor(users[1]),
            workspace.Services.GetRequiredService<IChannelStore>(), workspace.Services.GetRequiredService<IMessageStore>());
        for (var warmUp = 0; warmUp < 50; warmUp++)
        {
            await history.HandleAsync(new GetHistory(random));
        }

        var timings = new double[historyQueries];
        for (var q = 0; q < historyQueries; q++)
        {
            var watch = Stopwatch.StartNew();
            var page = await history.HandleAsync(new GetHistory(random));
            timings[q] = watch.Elapsed.TotalMilliseconds;
            if (page.Value.Count != GetHistory.DefaultLimit || page.Value[^1].Sequence != historyMessages)
            {
                throw new InvalidOperationException("History returned the wrong page.");
            }
        }

        Array.Sort(timings);
        var (journal, synchronous) = await DurabilityAsync(workspace);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "messaging",
            sends,
            warm_up_sends = warmUpSends,
            senders,
            sends_per_s = Math.Round(sends / sendWatch.Elapsed.TotalSeconds),
            sqlite_journal_mode = journal,
            sqlite_synchronous = synchronous,
            history_messages = historyMessages,
            history_queries = historyQueries,
            history_p50_ms = Math.Round(Percentile(timings, 0.50), 3),
            history_p99_ms = Math.Round(Percentile(timings, 0.99), 3),
        }));
        return 0;
    }

    /// <summary>How commits reach the disk: WAL with synchronous FULL (2) syncs the log on every commit.</summary>
    private static async Task<(string Journal, long Synchronous)> DurabilityAsync(BenchWorkspace workspace)
    {
        await using var db = workspace.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContext();
        var journal = (await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).Single();
        var synchronous = (await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync()).Single();
        return (journal, synchronous);
    }

    /// <summary>K senders, each sending its share one message after another, as fast as each send returns.</summary>
    private static Task SendAllAsync(BenchWorkspace workspace, List<string> users, Guid channelId, int sends, int senders) =>
        Task.WhenAll(Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
        {
            var send = SendHandler(workspace, users[sender % users.Count]);
            for (var i = sender; i < sends; i += senders)
            {
                var sent = await send.HandleAsync(new SendMessage(channelId, Guid.NewGuid(), $"benchmark message {i} from sender {sender}"));
                if (!sent.Succeeded)
                {
                    throw new InvalidOperationException(sent.Error!.Message);
                }
            }
        })));

    private static SendMessageHandler SendHandler(BenchWorkspace workspace, string userId) =>
        ActivatorUtilities.CreateInstance<SendMessageHandler>(workspace.Services, (ICurrentActor)new FixedActor(userId));

    private static async Task<(List<string> Users, Guid General, Guid Random, Guid Announcements)> DemoIdsAsync(BenchWorkspace workspace)
    {
        await using var db = workspace.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContext();
        var users = await db.Users.OrderBy(u => u.Email).Select(u => u.Id).ToListAsync();
        var channels = await db.Channels.ToDictionaryAsync(c => c.Name, c => c.Id);
        return (users, channels["general"], channels["random"], channels["announcements"]);
    }

    /// <summary>Bulk-loads a channel's history directly (the send path is measured above).</summary>
    private static async Task FillChannelAsync(BenchWorkspace workspace, Guid channelId, string senderId, int count)
    {
        var contexts = workspace.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>();
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        for (var batchStart = 1; batchStart <= count; batchStart += 10_000)
        {
            await using var db = contexts.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batchEnd = Math.Min(count, batchStart + 9_999);
            for (long sequence = batchStart; sequence <= batchEnd; sequence++)
            {
                var body = MessageBody.Create($"history message {sequence} with some **markdown** and a link https://example.com/{sequence}").Value;
                db.Messages.Add(Message.Post(channelId, sequence, senderId, Guid.NewGuid(), body, start.AddSeconds(sequence)));
            }

            await db.SaveChangesAsync();
        }

        await using var update = contexts.CreateDbContext();
        await update.Channels.Where(c => c.Id == channelId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, count));
    }
}
