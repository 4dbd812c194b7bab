using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Application.Tokens;
using Chat.Domain.Channels;
using Chat.Domain.Tokens;
using Chat.Domain.Users;
using Chat.Infrastructure.Identity;
using Chat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Chat.Bench.BenchArgs;

namespace Chat.Bench;

/// <summary>
/// Fan-out through the API hub: N clients in one channel, K of them sending R messages per second in total for S
/// seconds (message i due at t0 + i/R, fire-and-forget); every client records when each message arrives. Before that,
/// the same senders send at the same rate for a warm-up that is not measured: the server compiles its hot paths in
/// its first seconds under load, which is not the steady state a company's server runs in.
/// </summary>
internal static class FanoutBenchmark
{
    private const int MessageBytes = 100;
    private const int ConnectConcurrency = 50;
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string[] args)
    {
        var n = Option(args, "--clients", 1000);
        var k = Option(args, "--senders", 10);
        var rate = Option(args, "--rate", 20);
        var seconds = Option(args, "--duration", 30);
        var warmUpSeconds = Option(args, "--warm-up", 20);
        var messagePack = args.Contains("--messagepack");
        if (n is < 1 or > 5000 || seconds is < 1 or > 120 || warmUpSeconds is < 0 or > 120 || k < 1 || k > n || rate < 1)
        {
            Console.Error.WriteLine("fanout: --clients 1..5000, --senders 1..clients, --rate >= 1, --duration 1..120, --warm-up 0..120");
            return 2;
        }

        var total = rate * seconds;
        var errors = new ConcurrentQueue<string>();
        await using var workspace = await BenchWorkspace.CreateAsync(new Dictionary<string, string?> { ["Bootstrap:SeedDemoWorkspace"] = "false" });
        var (channelId, tokens) = await PrepareAsync(workspace, n);
        await using var server = await FanoutServer.StartAsync(workspace.DataPath, n);
        using var admin = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens[0]);
        var rssBefore = server.Memory().Rss;

        // Connect everyone, a bounded number at a time.
        var clients = new Client[n];
        var connectWatch = Stopwatch.StartNew();
        var connectFailures = 0;
        using (var gate = new SemaphoreSlim(ConnectConcurrency))
        {
            await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    clients[i] = await Client.ConnectAsync(server.BaseUrl, tokens[i], messagePack, total, errors);
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref connectFailures);
                    errors.Enqueue($"connect {i}: {e.Message}");
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var connectMs = connectWatch.Elapsed.TotalMilliseconds;
        var connected = clients.Where(c => c is not null).ToArray();

        // Joined: a probe posted to the channel has reached the connection (the hub put it in the channel's group).
        var joinWatch = Stopwatch.StartNew();
        await connected[0].Connection.InvokeAsync<object>("SendMessage", Outgoing(channelId, "probe"));
        var joinDeadline = DateTime.UtcNow.AddSeconds(30);
        while (connected.Any(c => !c.HeardProbe) && DateTime.UtcNow < joinDeadline)
        {
            await Task.Delay(10);
        }

        var joinMs = joinWatch.Elapsed.TotalMilliseconds;
        var joined = connected.Where(c => c.HeardProbe).ToArray();
        var rssAfterJoin = server.Memory().Rss;

        var senders = connected.Take(k).ToArray();
        var warmUpTotal = rate * warmUpSeconds;
        var compilingBeforeWarmUp = await CompilingMillisecondsAsync(admin);
        var warmUp = await SendPacedAsync(senders, channelId, warmUpTotal, rate, WarmUpBody, errors);
        await DrainAsync(() => joined.All(c => c.WarmUpReceived >= warmUp.Sent));

        var compilingBefore = await CompilingMillisecondsAsync(admin);
        var serverCpuBefore = server.CpuTime();
        var harnessCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var runWatch = Stopwatch.StartNew();
        var run = await SendPacedAsync(senders, channelId, total, rate, i => Body(i, Stopwatch.GetTimestamp()), errors);
        var (sent, sendErrors, sendSeconds) = run;

        await DrainAsync(() => joined.All(c => c.Unique >= total));

        var runSeconds = runWatch.Elapsed.TotalSeconds;
        var serverCpu = server.CpuTime() - serverCpuBefore;
        var harnessCpu = Process.GetCurrentProcess().TotalProcessorTime - harnessCpuBefore;
        var (rssAfterRun, hwm) = server.Memory();
        var compilingWhileTimed = await CompilingMillisecondsAsync(admin) - compilingBefore;

        var latencies = joined.SelectMany(c => c.Latencies).Order().ToArray();
        var received = joined.Sum(c => (long)c.Unique);
        var expected = (long)sent * joined.Length;
        var disconnects = connected.Count(c => c.Disconnected);
        var result = new
        {
            schema = "chat-fanout/v1",
            server = "app",
            transport = "signalr-ws",
            client_lib = $"Microsoft.AspNetCore.SignalR.Client 10.0.15 ({(messagePack ? "messagepack" : "json")})",
            scenario = $"N{n}_K{k}_R{rate}",
            @params = new { n_clients = n, senders = k, rate_target = rate, msgs_per_sender = (int)Math.Ceiling(total / (double)k), msg_bytes = MessageBytes, connect_concurrency = ConnectConcurrency },
            connect_ms = Math.Round(connectMs, 1),
            join_ms = Math.Round(joinMs, 1),
            clients_connected = connected.Length,
            clients_joined = joined.Length,
            connect_failures = connectFailures,
            disconnects,
            msgs_sent = sent,
            send_errors = sendErrors,
            send_rate_achieved = Math.Round(sent / sendSeconds, 2),
            deliveries_expected = expected,
            deliveries_received = received,
            lost = expected - received,
            duplicates = joined.Sum(c => c.Duplicates),
            loss_pct = expected == 0 ? 0 : Math.Round(100.0 * (expected - received) / expected, 4),
            latency_ms = latencies.Length == 0 ? null : new
            {
                min = Math.Round(latencies[0], 2),
                mean = Math.Round(latencies.Average(), 2),
                p50 = Math.Round(Percentile(latencies, 0.50), 2),
                p95 = Math.Round(Percentile(latencies, 0.95), 2),
                p99 = Math.Round(Percentile(latencies, 0.99), 2),
                max = Math.Round(latencies[^1], 2),
            },
            throughput_deliveries_per_s = Math.Round(received / runSeconds, 1),
            server_rss_kb = new { before = rssBefore, after_join = rssAfterJoin, after_run = rssAfterRun, hwm },
            rss_per_client_kb = joined.Length == 0 ? 0 : Math.Round((rssAfterJoin - rssBefore) / (double)joined.Length, 1),
            cpu = new
            {
                send_drain = new
                {
                    server_cpu_pct = Math.Round(100 * serverCpu.TotalSeconds / runSeconds, 1),
                    harness_cpu_pct = Math.Round(100 * harnessCpu.TotalSeconds / runSeconds, 1),
                },
            },
            warm_up = new { seconds = warmUpSeconds, msgs_sent = warmUp.Sent, send_errors = warmUp.Errors, compiling_ms = Math.Round(compilingBefore - compilingBeforeWarmUp) },
            compiling_ms_while_timed = Math.Round(compilingWhileTimed),
            errors = errors.Take(20).ToArray(),
        };

        await Task.WhenAll(connected.Select(c => c.Connection.DisposeAsync().AsTask()));
        Console.WriteLine(JsonSerializer.Serialize(result));
        return connectFailures + disconnects + sendErrors + warmUp.Errors > 0 || server.HasExited ? 1 : 0;
    }

    /// <summary>
    /// Sends message i at t0 + i/R from sender i mod K, without waiting for the acknowledgement; then waits for every
    /// acknowledgement.
    /// </summary>
    private static async Task<(int Sent, int Errors, double PacedSeconds)> SendPacedAsync(
        Client[] senders, Guid channelId, int count, int rate, Func<int, string> body, ConcurrentQueue<string> errors)
    {
        var t0 = Stopwatch.GetTimestamp();
        var sends = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = t0 + (long)(i * (double)Stopwatch.Frequency / rate);
            while (Stopwatch.GetTimestamp() < due)
            {
                var wait = TimeSpan.FromTicks((due - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
                if (wait > TimeSpan.FromMilliseconds(2))
                {
                    await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
                }
            }

            sends.Add(SendAsync(senders[i % senders.Length], channelId, body(i)));
        }

        var pacedSeconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        var failed = 0;
        foreach (var send in sends)
        {
            try
            {
                await send;
            }
            catch (Exception e)
            {
                failed++;
                errors.Enqueue($"send: {e.Message}");
            }
        }

        return (count, failed, pacedSeconds);
    }

    /// <summary>Waits until every joined client has everything sent, or 15 s after the last send.</summary>
    private static async Task DrainAsync(Func<bool> everyoneHasAll)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Drain.TotalSeconds * Stopwatch.Frequency);
        while (!everyoneHasAll() && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static async Task<double> CompilingMillisecondsAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/memory")).GetProperty("compilingMilliseconds").GetDouble();

    private static async Task SendAsync(Client sender, Guid channelId, string body) =>
        await sender.Connection.SendAsync("SendMessage", Outgoing(channelId, body));

    private static OutgoingMessage Outgoing(Guid channelId, string body) => new()
    {
        ChannelId = channelId,
        ClientMessageId = Guid.NewGuid(),
        Body = body,
    };

    /// <summary>A warm-up message: "w|index|" padded to 100 bytes; clients count it and nothing else.</summary>
    private static string WarmUpBody(int index)
    {
        var head = $"w|{index.ToString(CultureInfo.InvariantCulture)}|";
        return head + new string('x', MessageBytes - head.Length);
    }

    /// <summary>"index|send timestamp|" padded to 100 bytes.</summary>
    private static string Body(int index, long stamp)
    {
        var head = $"{index.ToString(CultureInfo.InvariantCulture)}|{stamp.ToString(CultureInfo.InvariantCulture)}|";
        return head + new string('x', MessageBytes - head.Length);
    }

    /// <summary>
    /// N people (no password: they only use tokens), a token each, and one public channel they are all in. The first is
    /// also an administrator, so the benchmark can read how long the server has spent compiling with their token.
    /// </summary>
    private static async Task<(Guid ChannelId, string[] Tokens)> PrepareAsync(BenchWorkspace workspace, int n)
    {
        var contexts = workspace.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var people = Enumerable.Range(0, n).Select(i => new ApplicationUser
        {
            UserName = $"client{i}@bench.chat", NormalizedUserName = $"CLIENT{i}@BENCH.CHAT", Email = $"client{i}@bench.chat",
            NormalizedEmail = $"CLIENT{i}@BENCH.CHAT", DisplayName = $"Client {i}", Handle = $"client{i}", CreatedAt = now,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        }).ToList();
        db.Users.AddRange(people);
        var adminRole = (await db.Roles.SingleAsync(r => r.Name == WorkspaceRoles.WorkspaceAdmin)).Id;
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = people[0].Id, RoleId = adminRole });
        var channel = Channel.Create(ChannelName.Create("fanout").Value, ChannelKind.Public, people[0].Id, now).Value;
        foreach (var person in people.Skip(1))
        {
            channel.AddMember(person.Id, now);
        }

        db.Channels.Add(channel);
        var tokens = new string[n];
        for (var i = 0; i < n; i++)
        {
            var (secret, hash, hint) = TokenSecrets.New();
            db.AccessTokens.Add(AccessToken.Create(people[i].Id, "fanout bench", hash, hint, now, null).Value);
            tokens[i] = secret;
        }

        await db.SaveChangesAsync();
        return (channel.Id, tokens);
    }

    /// <summary>One hub connection and what it received: which messages (by index), how late, and how often.</summary>
    private sealed class Client
    {
        private readonly int[] _seen;
        private readonly ConcurrentQueue<double> _latencies = new();
        private int _unique;
        private int _duplicates;
        private int _warmUpReceived;

        private Client(HubConnection connection, int total)
        {
            Connection = connection;
            _seen = new int[total];
        }

        public HubConnection Connection { get; }

        public bool HeardProbe { get; private set; }

        public bool Disconnected { get; private set; }

        public int Unique => Volatile.Read(ref _unique);

        public int WarmUpReceived => Volatile.Read(ref _warmUpReceived);

        public int Duplicates => Volatile.Read(ref _duplicates);

        public IEnumerable<double> Latencies => _latencies;

        public static async Task<Client> ConnectAsync(string baseUrl, string token, bool messagePack, int total, ConcurrentQueue<string> errors)
        {
            var builder = new HubConnectionBuilder().WithUrl($"{baseUrl}/hubs/chat", options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            });
            if (messagePack)
            {
                builder.AddMessagePackProtocol();
            }

            var client = new Client(builder.Build(), total);
            client.Connection.On<PostedEvent>("MessagePosted", posted => client.Receive(posted.Message.Body));
            client.Connection.Closed += error =>
            {
                client.Disconnected = true;
                errors.Enqueue($"disconnected: {error?.Message ?? "closed"}");
                return Task.CompletedTask;
            };
            await client.Connection.StartAsync();
            return client;
        }

        private void Receive(string body)
        {
            var now = Stopwatch.GetTimestamp();
            if (body == "probe")
            {
                HeardProbe = true;
                return;
            }

            if (body.StartsWith("w|", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _warmUpReceived);
                return;
            }

            var parts = body.Split('|');
            var index = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var sentAt = long.Parse(parts[1], CultureInfo.InvariantCulture);
            if (Interlocked.Increment(ref _seen[index]) > 1)
            {
                Interlocked.Increment(ref _duplicates);
                return;
            }

            Interlocked.Increment(ref _unique);
            _latencies.Enqueue((now - sentAt) * 1000.0 / Stopwatch.Frequency);
        }
    }
}
