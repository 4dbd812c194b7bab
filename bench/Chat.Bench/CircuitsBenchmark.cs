using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chat.Application.Tokens;
using Chat.Domain.Channels;
using Chat.Domain.Tokens;
using Chat.Domain.Users;
using Chat.Infrastructure.Identity;
using Chat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Chat.Bench.BenchArgs;

namespace Chat.Bench;

/// <summary>
/// N employees signed in with N live Blazor circuits on one channel's page (headless circuit clients, no browsers);
/// a colleague posts warm-up messages until the server has stopped compiling, then 10 timed ones, and each circuit's arrival of the render carrying each is timed.
/// </summary>
internal static partial class CircuitsBenchmark
{
    private const string Password = "Bench-Password-2026";
    private const int Messages = 10;

    // Warm-up messages are posted until the server has stopped compiling (see WarmUpAsync), at most this many.
    private const int MaxWarmUpMessages = 300;
    private const double QuietCompilingMilliseconds = 5;
    private const int QuietMessagesInARow = 5;
    private const int OpenConcurrency = 8;

    // Tabs are opened and closed in batches of this many until the server has stopped compiling (see WarmUpOpeningAsync).
    private const int WarmUpTabsPerBatch = 25;
    private const int MaxWarmUpTabs = 400;
    private const int QuietCompiledMethodsPerBatch = 25;
    private static readonly byte[] WarmUpMark = Encoding.UTF8.GetBytes("circuit warm-up ");

    public static async Task<int> RunAsync(string[] args)
    {
        var n = Option(args, "--users", 1000);
        var hold = Option(args, "--hold-seconds", 0);
        var page = Option(args, "--page", "/c/fanout");
        if (n is < 1 or > 5000)
        {
            Console.Error.WriteLine("circuits: --users 1..5000");
            return 2;
        }

        var errors = new ConcurrentQueue<string>();
        await using var workspace = await BenchWorkspace.CreateAsync(new Dictionary<string, string?> { ["Bootstrap:SeedDemoWorkspace"] = "false" });
        var posterToken = await PrepareAsync(workspace, n);
        await using var server = await FanoutServer.StartAsync(workspace.DataPath, n, new Dictionary<string, string>
        {
            ["RateLimits__LoginPerMinute"] = "1000000",
            ["Security__CookieSecurePolicy"] = "SameAsRequest",
        });

        using var poster = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        poster.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", posterToken.Token);
        var warmUpTabs = await WarmUpOpeningAsync(poster, server.BaseUrl, page, n, errors);
        var managedBefore = await ManagedHeapAsync(poster);
        var rssBefore = server.Memory().Rss;
        var run = Guid.NewGuid().ToString("N")[..8];
        var arrivals = new ConcurrentDictionary<(int Circuit, int Message), long>();
        var users = new User[n];
        var mark = Encoding.UTF8.GetBytes($"circuit {run} ");
        var openWatch = Stopwatch.StartNew();

        // Memory is read after the first half of the tabs and after all, each after a forced collection: the difference
        // is what the second half costs, without what the server set up once for the first tabs (compiled code, pools).
        var firstHalf = n / 2;
        await OpenAsync(server.BaseUrl, page, users, 0, firstHalf, arrivals, mark, errors);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var managedHalf = await ManagedHeapAsync(poster);
        var rssHalf = server.Memory().Rss;
        var compiledAtHalf = await CompiledMethodsAsync(poster);
        await OpenAsync(server.BaseUrl, page, users, firstHalf, n, arrivals, mark, errors);
        var openMs = openWatch.Elapsed.TotalMilliseconds;
        var open = users.Where(u => u?.Circuit is not null).ToArray();
        var openInSecondHalf = users.Skip(firstHalf).Count(u => u?.Circuit is not null);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var managedAfter = await ManagedHeapAsync(poster);
        var rssAfter = server.Memory().Rss;
        var compiledInSecondHalf = await CompiledMethodsAsync(poster) - compiledAtHalf;
        if (hold > 0)
        {
            // Time to attach a profiler (dotnet-gcdump, dotnet-trace) to the server with every circuit open.
            Console.Error.WriteLine($"circuits open; server process {server.ProcessId}; holding {hold} s");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

        // A colleague posts through the API; every open circuit should render each message.
        var openIndexes = open.Select(u => Array.IndexOf(users, u)).ToArray();
        var post = (int m) => PostAndAwaitAsync(poster, posterToken.ChannelId, run, m, openIndexes, arrivals, errors);
        var warmUps = await WarmUpAsync(poster, post);

        var statsBefore = await ServerStatsAsync(poster);
        var cpuBefore = server.CpuTime();
        var harnessCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var postedAt = new long[warmUps + Messages];
        for (var m = warmUps; m < warmUps + Messages; m++)
        {
            postedAt[m] = await post(m);
        }

        var cpu = server.CpuTime() - cpuBefore;
        var harnessCpu = Process.GetCurrentProcess().TotalProcessorTime - harnessCpuBefore;
        var statsAfter = await ServerStatsAsync(poster);
        var compiledDuring = statsAfter.CompiledMethods - statsBefore.CompiledMethods;
        var latencies = arrivals.Where(a => a.Key.Message >= warmUps).Select(a => (a.Value - postedAt[a.Key.Message]) * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        // A collection pausing the server delays every render of the message it falls on: per message, the tail shows it.
        var p90ByMessage = Enumerable.Range(warmUps, Messages).Select(m => arrivals.Where(a => a.Key.Message == m)
            .Select(a => (a.Value - postedAt[m]) * 1000.0 / Stopwatch.Frequency).Order().ToArray())
            .Select(times => times.Length == 0 ? 0 : Math.Round(Percentile(times, 0.90))).ToArray();

        // What the messages posted so far cost each tab that shows them, on top of the page.
        var managedAfterMessages = await ManagedHeapAsync(poster);
        if (hold > 0)
        {
            Console.Error.WriteLine($"messages posted; server process {server.ProcessId}; holding {hold} s");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

        var expected = (long)open.Length * Messages;
        var jsErrors = open.Sum(u => u.Circuit!.Errors);
        var closed = open.Count(u => u.Circuit!.Closed);

        await CloseAsync(open);

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "circuits",
            circuits = open.Length,
            open_ms = Math.Round(openMs),
            circuit_rss_kb = openInSecondHalf == 0 ? 0 : Math.Round((rssAfter - rssHalf) / (double)openInSecondHalf, 1),
            circuit_managed_kb = openInSecondHalf == 0 ? 0 : Math.Round((managedAfter - managedHalf) / 1024.0 / openInSecondHalf, 1),
            server_rss_kb = new { before = rssBefore, after_half = rssHalf, after_open = rssAfter },
            server_managed_kb = new { before = managedBefore / 1024, after_half = managedHalf / 1024, after_open = managedAfter / 1024, after_messages = managedAfterMessages / 1024 },
            messages = Messages,
            managed_kb_per_tab_message = open.Length == 0 ? 0 : Math.Round((managedAfterMessages - managedAfter) / 1024.0 / open.Length / (warmUps + Messages), 2),
            renders_expected = expected,
            renders_received = latencies.Length,
            cpu_us_per_recipient = expected == 0 ? 0 : Math.Round(cpu.TotalMicroseconds / expected, 1),
            harness_cpu_us_per_recipient = expected == 0 ? 0 : Math.Round(harnessCpu.TotalMicroseconds / expected, 1),
            allocated_kb_per_recipient = expected == 0 ? 0 : Math.Round((statsAfter.AllocatedBytes - statsBefore.AllocatedBytes) / 1024.0 / expected, 2),
            gc_collections_while_timed = statsAfter.GcCollections.Zip(statsBefore.GcCollections, (after, before) => after - before).ToArray(),
            gc_pause_pct_of_cpu = Math.Round(100 * (statsAfter.GcPauseMilliseconds - statsBefore.GcPauseMilliseconds) / cpu.TotalMilliseconds, 1),
            warm_up_tabs = warmUpTabs,
            methods_compiled_in_second_half = compiledInSecondHalf,
            warm_up_messages = warmUps,
            methods_compiled_while_timed = compiledDuring,
            compiling_ms_while_timed = Math.Round(statsAfter.CompilingMilliseconds - statsBefore.CompilingMilliseconds, 1),
            fanout_p50_ms = latencies.Length == 0 ? 0 : Math.Round(Percentile(latencies, 0.50), 1),
            fanout_p99_ms = latencies.Length == 0 ? 0 : Math.Round(Percentile(latencies, 0.99), 1),
            fanout_p90_ms_by_message = p90ByMessage,
            errors = errors.Count + jsErrors + closed + (int)(expected - latencies.Length),
            error_samples = errors.Take(10).ToArray(),
        }));
        return errors.IsEmpty && jsErrors == 0 && closed == 0 && latencies.Length == expected ? 0 : 1;
    }

    /// <summary>Signs in users[from..to) and opens their tabs, a few at a time.</summary>
    private static async Task OpenAsync(string baseUrl, string page, User[] users, int from, int to,
        ConcurrentDictionary<(int Circuit, int Message), long> arrivals, byte[] mark, ConcurrentQueue<string> errors)
    {
        using var gate = new SemaphoreSlim(OpenConcurrency);
        await Task.WhenAll(Enumerable.Range(from, to - from).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                users[i] = await User.SignInAsync(baseUrl, $"employee{i}@bench.chat");
                users[i].Circuit = await BlazorCircuit.OpenAsync(users[i].Http, users[i].Cookies, baseUrl, page, (batch, at) =>
                {
                    foreach (var m in MessageNumbers(batch, mark))
                    {
                        arrivals.TryAdd((i, m), at);
                    }

                    return true;
                });

                // The server closes a browser's idle page connection after its keep-alive timeout (130 s); a tab
                // open for longer holds only its circuit's WebSocket, and that is what is measured.
                users[i].CloseIdleConnections();
            }
            catch (Exception e)
            {
                errors.Enqueue($"user {i}: {e.Message}");
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>Posts message m and waits (up to 15 s) until every open circuit has rendered it; answers when it was posted.</summary>
    private static async Task<long> PostAndAwaitAsync(HttpClient poster, Guid channelId, string run, int m, int[] openIndexes,
        ConcurrentDictionary<(int Circuit, int Message), long> arrivals, ConcurrentQueue<string> errors)
    {
        var postedAt = Stopwatch.GetTimestamp();
        var sent = await poster.PostAsJsonAsync($"/api/v1/channels/{channelId}/messages", new { clientMessageId = Guid.NewGuid(), body = $"circuit {run} {m}." });
        if (!sent.IsSuccessStatusCode)
        {
            errors.Enqueue($"post {m}: {(int)sent.StatusCode}");
        }

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (openIndexes.Any(c => !arrivals.ContainsKey((c, m))) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        return postedAt;
    }

    /// <summary>
    /// Posts messages until five in a row, each with a moment after it, make the server compile for less than 5 ms (a
    /// message's fan-out takes ~100 ms of CPU): the runtime re-compiles busy methods in the background for a while after
    /// they get busy, a large method taking tens of milliseconds, and a server that has been up for hours has long
    /// finished. Time, not the number of methods, since time is what delays a message: one large method can take more
    /// than a hundred small ones. Answers how many were posted.
    /// </summary>
    private static async Task<int> WarmUpAsync(HttpClient admin, Func<int, Task<long>> post)
    {
        var compiling = (await ServerStatsAsync(admin)).CompilingMilliseconds;
        var quietInARow = 0;
        for (var m = 0; m < MaxWarmUpMessages; m++)
        {
            await post(m);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var now = (await ServerStatsAsync(admin)).CompilingMilliseconds;
            quietInARow = now - compiling < QuietCompilingMilliseconds ? quietInARow + 1 : 0;
            if (quietInARow == QuietMessagesInARow)
            {
                return m + 1;
            }

            compiling = now;
        }

        return MaxWarmUpMessages;
    }

    /// <summary>
    /// Opens tabs in batches and closes them again until a batch makes the server compile fewer than 25 methods, at
    /// most 400 tabs: until then the runtime is still compiling the opening of a tab, and the executable memory that
    /// takes (4,000 methods, ~10 KB per tab, in the second half of 1,000) would be counted as the tabs' own. Answers
    /// how many were opened.
    /// </summary>
    private static async Task<int> WarmUpOpeningAsync(HttpClient admin, string baseUrl, string page, int n, ConcurrentQueue<string> errors)
    {
        var opened = 0;
        var compiled = await CompiledMethodsAsync(admin);
        while (opened < MaxWarmUpTabs)
        {
            var batch = new User[Math.Min(WarmUpTabsPerBatch, n)];
            await OpenAsync(baseUrl, page, batch, 0, batch.Length, new ConcurrentDictionary<(int, int), long>(), WarmUpMark, errors);
            await CloseAsync(batch.Where(u => u?.Circuit is not null));
            opened += batch.Length;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var now = await CompiledMethodsAsync(admin);
            if (now - compiled < QuietCompiledMethodsPerBatch)
            {
                break;
            }

            compiled = now;
        }

        return opened;
    }

    private static Task CloseAsync(IEnumerable<User> users) => Task.WhenAll(users.Select(async u =>
    {
        await u.Circuit!.LeaveAsync(u.Http);
        await u.Circuit.DisposeAsync();
        u.Dispose();
    }));

    /// <summary>The numbers carried by the "circuit {run} {n}." messages in a render batch.</summary>
    private static List<int> MessageNumbers(byte[] batch, byte[] mark)
    {
        var numbers = new List<int>();
        var rest = batch.AsSpan();
        for (var at = rest.IndexOf(mark); at >= 0; at = rest.IndexOf(mark))
        {
            rest = rest[(at + mark.Length)..];
            var end = rest.IndexOf((byte)'.');
            if (end > 0 && int.TryParse(rest[..end], out var number))
            {
                numbers.Add(number);
            }
        }

        return numbers;
    }

    /// <summary>The server's managed heap after a full collection (the poster is an administrator).</summary>
    private static async Task<long> ManagedHeapAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/memory?collect=true")).GetProperty("managedBytes").GetInt64();

    private static async Task<long> CompiledMethodsAsync(HttpClient admin) => (await ServerStatsAsync(admin)).CompiledMethods;

    private static async Task<(long CompiledMethods, double CompilingMilliseconds, long AllocatedBytes, double GcPauseMilliseconds, int[] GcCollections)> ServerStatsAsync(HttpClient admin)
    {
        var stats = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/memory");
        return (stats.GetProperty("compiledMethods").GetInt64(), stats.GetProperty("compilingMilliseconds").GetDouble(), stats.GetProperty("allocatedBytes").GetInt64(),
            stats.GetProperty("gcPauseMilliseconds").GetDouble(), stats.GetProperty("gcCollections").EnumerateArray().Select(c => c.GetInt32()).ToArray());
    }

    /// <summary>N employees with a password (one hash for all: each sign-in still checks it), a poster with a token, one channel.</summary>
    private static async Task<(string Token, Guid ChannelId)> PrepareAsync(BenchWorkspace workspace, int n)
    {
        await using var db = await workspace.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password);
        var memberRole = (await db.Roles.SingleAsync(r => r.Name == WorkspaceRoles.Member)).Id;
        var adminRole = (await db.Roles.SingleAsync(r => r.Name == WorkspaceRoles.WorkspaceAdmin)).Id;
        var people = Enumerable.Range(0, n + 1).Select(i =>
        {
            var email = i == n ? "poster@bench.chat" : $"employee{i}@bench.chat";
            return new ApplicationUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"),
                DisplayName = i == n ? "Poster" : $"Employee {i}", Handle = i == n ? "poster" : $"employee{i}", CreatedAt = now,
                Theme = ThemePreference.Light,
            };
        }).ToList();
        db.Users.AddRange(people);
        db.UserRoles.AddRange(people.Select(p => new IdentityUserRole<string> { UserId = p.Id, RoleId = memberRole }));
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = people[n].Id, RoleId = adminRole });
        var channel = Channel.Create(ChannelName.Create("fanout").Value, ChannelKind.Public, people[n].Id, now).Value;
        foreach (var person in people.Take(n))
        {
            channel.AddMember(person.Id, now);
        }

        db.Channels.Add(channel);
        var (secret, secretHash, hint) = TokenSecrets.New();
        db.AccessTokens.Add(AccessToken.Create(people[n].Id, "circuits bench", secretHash, hint, now, null).Value);
        await db.SaveChangesAsync();
        return (secret, channel.Id);
    }

    /// <summary>A signed-in browser: cookies from the real sign-in form.</summary>
    private sealed partial class User : IDisposable
    {
        public required HttpClient Http { get; set; }

        public required CookieContainer Cookies { get; init; }

        public BlazorCircuit? Circuit { get; set; }

        /// <summary>Closes the connections the page was loaded over; later requests open a new one.</summary>
        public void CloseIdleConnections()
        {
            var baseAddress = Http.BaseAddress;
            Http.Dispose();
            Http = NewClient(Cookies, baseAddress!);
        }

        public void Dispose() => Http.Dispose();

        private static HttpClient NewClient(CookieContainer cookies, Uri baseAddress) =>
            new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };

        public static async Task<User> SignInAsync(string baseUrl, string email)
        {
            var cookies = new CookieContainer();
            var http = NewClient(cookies, new Uri(baseUrl));
            var form = await http.GetStringAsync("/Account/Login");
            var token = AntiforgeryField().Match(form).Groups[1].Value;
            using var body = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["_handler"] = "login",
            });
            var signedIn = await http.PostAsync("/Account/Login", body);
            if (signedIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"sign-in failed: {(int)signedIn.StatusCode}");
            }

            return new User { Http = http, Cookies = cookies };
        }

        [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*?value=""([^""]+)""")]
        private static partial Regex AntiforgeryField();
    }
}
