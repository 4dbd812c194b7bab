using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace Chat.E2E.Tests;

/// <summary>
/// The server is killed (SIGKILL) while ten hub clients send with retries, then started again: every message a client
/// got an acknowledgement for is stored exactly once and reaches every client after it reconnects and syncs.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private const int Clients = 10;
    private const int MessagesPerClient = 20;
    private static readonly string[] People = ["alice", "bob", "carol", "dan", "erin"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chat-e2e-crash", Guid.NewGuid().ToString("N"));
    private AppNode? _node;
    private volatile string _baseUrl = string.Empty;

    private string DataPath => Path.Combine(_folder, "data");

    public async Task InitializeAsync()
    {
        _node = await AppNode.StartAsync(DataPath);
        _baseUrl = _node.BaseUrl;
    }

    [Fact]
    public async Task Acknowledged_messages_survive_a_crash_once_each_and_reach_every_client_after_sync()
    {
        var tokens = new List<string>();
        for (var i = 0; i < Clients; i++)
        {
            tokens.Add(await NodeTokens.CreateAsync(Path.Combine(DataPath, "chat.db"), $"{People[i % People.Length]}@demo.chat"));
        }

        var general = await GeneralAsync(tokens[0]);
        var startSequence = (await HistoryAsync(tokens[0], general, after: 0)).Select(m => m.Sequence).DefaultIfEmpty(0).Max();
        var run = Guid.NewGuid().ToString("N")[..8];
        var acknowledged = new ConcurrentDictionary<string, MessageView>();
        var clients = tokens.Select(token => new RetryingClient(() => _baseUrl, token)).ToList();

        // Each client sends its messages one after the other, retrying each (same client message id) until acknowledged.
        var sending = clients.Select((client, c) => Task.Run(async () =>
        {
            for (var i = 0; i < MessagesPerClient; i++)
            {
                var body = $"{run} {c}-{i}";
                acknowledged[body] = await client.SendAsync(general, ClientMessageId(run, c, i), body);
            }
        })).ToList();

        await Eventually.TrueAsync(() => Task.FromResult(acknowledged.Count >= Clients * MessagesPerClient / 3), TimeSpan.FromSeconds(60), "a third of the messages are acknowledged");
        await _node!.CrashAsync();
        await _node.DisposeAsync();
        _node = await AppNode.StartAsync(DataPath);
        _baseUrl = _node.BaseUrl;

        await Task.WhenAll(sending).WaitAsync(TimeSpan.FromSeconds(120));
        acknowledged.Count.ShouldBe(Clients * MessagesPerClient);
        clients.Sum(c => c.Retries).ShouldBeGreaterThan(0, "the crash interrupted sends in flight");

        var stored = (await HistoryAsync(tokens[0], general, startSequence)).Where(m => m.Body.StartsWith(run, StringComparison.Ordinal)).ToList();
        stored.Count.ShouldBe(Clients * MessagesPerClient, "each acknowledged message is stored exactly once");
        stored.Select(m => m.Id).Order().ShouldBe(acknowledged.Values.Select(m => m.Id).Order());

        foreach (var client in clients)
        {
            var caughtUp = await client.SyncAsync(general, startSequence);
            var mine = caughtUp.Where(m => m.Body.StartsWith(run, StringComparison.Ordinal)).ToList();
            mine.Select(m => m.Id).Order().ShouldBe(acknowledged.Values.Select(m => m.Id).Order());
            caughtUp.Select(m => m.Sequence).ShouldBeInOrder();
            await client.DisposeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Guid ClientMessageId(string run, int client, int index) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{run}/{client}/{index}")));

    private async Task<Guid> GeneralAsync(string token)
    {
        using var rest = Rest(token);
        var channels = await rest.GetFromJsonAsync<List<ChannelView>>("/api/v1/channels");
        return channels!.Single(c => c.Name == "general").Id;
    }

    private async Task<List<MessageView>> HistoryAsync(string token, Guid channelId, long after)
    {
        using var rest = Rest(token);
        var all = new List<MessageView>();
        while (true)
        {
            var page = await rest.GetFromJsonAsync<List<MessageView>>($"/api/v1/channels/{channelId}/messages?after={after}&limit=200");
            all.AddRange(page!);
            if (page!.Count < 200)
            {
                return all;
            }

            after = page[^1].Sequence;
        }
    }

    private HttpClient Rest(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A hub client that reconnects (to wherever the server now is) and resends until acknowledged.</summary>
    private sealed class RetryingClient(Func<string> baseUrl, string token) : IAsyncDisposable
    {
        private HubConnection? _connection;

        /// <summary>Sends tried again after a failure (the crash).</summary>
        public int Retries { get; private set; }

        public async Task<MessageView> SendAsync(Guid channelId, Guid clientMessageId, string body)
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                try
                {
                    var connection = await ConnectedAsync();
                    return await connection.InvokeAsync<MessageView>(
                        "SendMessage", new { channelId, clientMessageId, body, threadRootId = (Guid?)null, alsoSendToChannel = false });
                }
                catch (Exception) when (DateTime.UtcNow < deadline)
                {
                    Retries++;
                    await DropAsync();
                    await Task.Delay(100);
                }
            }
        }

        public async Task<List<MessageView>> SyncAsync(Guid channelId, long after)
        {
            var connection = await ConnectedAsync();
            var caughtUp = await connection.InvokeAsync<List<CatchUp>>("Sync", new[] { new { channelId, sequence = after } });
            return caughtUp.Single().Messages;
        }

        public async ValueTask DisposeAsync() => await DropAsync();

        private async Task<HubConnection> ConnectedAsync()
        {
            if (_connection is { State: HubConnectionState.Connected })
            {
                return _connection;
            }

            await DropAsync();
            var connection = new HubConnectionBuilder()
                .WithUrl($"{baseUrl()}/hubs/chat", options =>
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                })
                .Build();
            await connection.StartAsync();
            _connection = connection;
            return connection;
        }

        private async Task DropAsync()
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }
        }
    }

    private sealed class MessageView
    {
        public Guid Id { get; set; }

        public long Sequence { get; set; }

        public string Body { get; set; } = string.Empty;
    }

    private sealed class CatchUp
    {
        public List<MessageView> Messages { get; set; } = [];
    }

    private sealed class ChannelView
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = string.Empty;
    }
}
