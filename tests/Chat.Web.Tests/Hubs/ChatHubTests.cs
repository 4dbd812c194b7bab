using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chat.Application.Common;
using Chat.Application.Tokens.RevokeAccessToken;
using Chat.Domain.Users;
using Chat.E2E.Tests;
using Chat.Web.Hubs;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Hubs;

/// <summary>The API clients' hub, through real SignalR clients on a real loopback socket.</summary>
public sealed class ChatHubTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ChatWebFactory _app = new();
    private readonly List<HubClient> _clients = [];
    private string _baseUrl = default!;
    private Guid _general;

    public async Task InitializeAsync()
    {
        _app.Settings["Bootstrap:SeedDemoWorkspace"] = "true";
        _app.Settings["Api:MaxConnectionsPerUser"] = "3";
        _baseUrl = _app.StartOnLoopback();
        _general = await ApiClients.ChannelIdAsync(_app, "general");
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_message_sent_through_the_hub_reaches_each_member_once_with_its_sequence_and_a_retry_is_not_a_copy(bool messagePack)
    {
        var alice = await ConnectAsync("alice", messagePack);
        var bob = await ConnectAsync("bob", messagePack);
        var clientId = Guid.NewGuid();

        var acknowledged = await alice.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(_general, clientId, "hello over the hub"));
        var retried = await alice.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(_general, clientId, "hello over the hub"));
        var next = await alice.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(_general, Guid.NewGuid(), "and again"));

        retried.Id.ShouldBe(acknowledged.Id);
        await Eventually.TrueAsync(() => Task.FromResult(bob.Messages().Count == 2), Wait, "bob has both messages");
        bob.Messages().Select(m => (m.Id, m.Sequence, m.Body)).ShouldBe(
            [(acknowledged.Id, acknowledged.Sequence, "hello over the hub"), (next.Id, next.Sequence, "and again")]);
        await Eventually.TrueAsync(() => Task.FromResult(alice.Messages().Count == 2), Wait, "alice's own client has both too");
    }

    [Fact]
    public async Task A_private_channels_events_never_reach_an_outsider()
    {
        var carol = await ConnectAsync("carol");
        var dan = await ConnectAsync("dan");
        var engineering = await ApiClients.ChannelIdAsync(_app, "engineering");

        await dan.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(engineering, Guid.NewGuid(), "secret plans"));
        await dan.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(_general, Guid.NewGuid(), "lunch?"));

        await Eventually.TrueAsync(() => Task.FromResult(carol.Messages().Any(m => m.Body == "lunch?")), Wait, "carol has the public message");
        carol.Received.ShouldNotContain(r => r.ChannelId == engineering);
        var refused = await Should.ThrowAsync<HubException>(() =>
            carol.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(engineering, Guid.NewGuid(), "let me in")));
        refused.Message.ShouldContain("channel.not_found");
    }

    [Fact]
    public async Task A_client_that_was_away_syncs_exactly_what_it_missed_in_order()
    {
        var bob = await ConnectAsync("bob");
        var last = await bob.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(_general, Guid.NewGuid(), "before the tunnel"));
        await bob.Connection.StopAsync();

        using var alice = await RestAsync("alice");
        foreach (var text in new[] { "one", "two", "three" })
        {
            (await alice.PostAsJsonAsync($"/api/v1/channels/{_general}/messages", new { clientMessageId = Guid.NewGuid(), body = text })).EnsureSuccessStatusCode();
        }

        await bob.Connection.StartAsync();
        var engineering = await ApiClients.ChannelIdAsync(_app, "engineering");
        var caughtUp = await bob.Connection.InvokeAsync<List<CatchUpView>>(
            "Sync", new[] { new SyncPoint(_general, last.Sequence), new SyncPoint(engineering, 0) });

        var general = caughtUp.Single(c => c.ChannelId == _general);
        general.Messages.Select(m => m.Body).ShouldBe(["one", "two", "three"]);
        general.Messages.Select(m => m.Sequence).ShouldBe([last.Sequence + 1, last.Sequence + 2, last.Sequence + 3]);
        general.HasMore.ShouldBeFalse();
        caughtUp.Single(c => c.ChannelId == engineering).Error.ShouldBe("channel.not_found");
    }

    [Fact]
    public async Task Typing_and_edits_reach_the_channels_members()
    {
        var alice = await ConnectAsync("alice");
        var bob = await ConnectAsync("bob");

        await alice.Connection.InvokeAsync("StartTyping", _general);
        var sent = await alice.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(_general, Guid.NewGuid(), "teh plan"));
        using var rest = await RestAsync("alice");
        (await rest.PatchAsJsonAsync($"/api/v1/messages/{sent.Id}", new { body = "the plan" })).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(() => Task.FromResult(bob.Messages("MessageEdited").Count == 1), Wait, "bob sees the edit");
        bob.Messages("MessageEdited").Single().Body.ShouldBe("the plan");
        bob.Received.ShouldContain(r => r.Name == "UserTyping" && r.ChannelId == _general);
    }

    [Fact]
    public async Task A_channel_joined_while_connected_sends_its_events_to_that_connection()
    {
        var alice = await ConnectAsync("alice");
        var bob = await ConnectAsync("bob");
        using var aliceRest = await RestAsync("alice");
        var created = await (await aliceRest.PostAsJsonAsync("/api/v1/channels", new { name = "launch-party" })).Content.ReadFromJsonAsync<CreatedChannel>();
        await Eventually.TrueAsync(() => Task.FromResult(alice.Received.Any(r => r.Name == "MembersChanged" && r.ChannelId == created!.ChannelId)), Wait, "alice's connection learns of her channel");

        using var bobRest = await RestAsync("bob");
        (await bobRest.PostAsync($"/api/v1/channels/{created!.ChannelId}/join", null)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => Task.FromResult(bob.Received.Any(r => r.Name == "MembersChanged" && r.ChannelId == created.ChannelId)), Wait, "bob's connection learns he joined");
        await alice.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(created.ChannelId, Guid.NewGuid(), "welcome"));

        await Eventually.TrueAsync(() => Task.FromResult(bob.Messages().Any(m => m.Body == "welcome")), Wait, "bob receives the new channel's message");
    }

    [Fact]
    public async Task A_connection_whose_token_is_revoked_is_closed()
    {
        var token = await ApiClients.CreateTokenAsync(_app, "bob", "laptop");
        var bob = await HubClient.ConnectAsync(_baseUrl, token.Secret);
        _clients.Add(bob);

        using (var scope = _app.Services.CreateScope())
        {
            var revoke = ActivatorUtilities.CreateInstance<RevokeAccessTokenHandler>(
                scope.ServiceProvider, (ICurrentActor)new FixedActor(new Actor(await ApiClients.UserIdAsync(_app, "bob"), new HashSet<string> { WorkspaceRoles.Member })));
            (await revoke.HandleAsync(new RevokeAccessToken(token.Token.Id))).Succeeded.ShouldBeTrue();
        }

        await Eventually.TrueAsync(() => Task.FromResult(bob.Connection.State == HubConnectionState.Disconnected), Wait, "the connection is closed");
        await Should.ThrowAsync<Exception>(() => HubClient.ConnectAsync(_baseUrl, token.Secret));
    }

    [Fact]
    public async Task A_user_cannot_open_more_connections_than_allowed()
    {
        for (var i = 0; i < 3; i++)
        {
            await ConnectAsync("erin");
        }

        var token = await ApiClients.CreateTokenAsync(_app, "erin", "one too many");
        var fourth = HubClient.Create(_baseUrl, token.Secret);
        _clients.Add(fourth);
        await fourth.Connection.StartAsync();

        await Eventually.TrueAsync(() => Task.FromResult(fourth.Connection.State == HubConnectionState.Disconnected), Wait, "the fourth is closed");
        fourth.ClosedWith!.Message.ShouldContain("connection.limit");
    }

    [Fact]
    public async Task A_message_over_the_length_limit_is_refused_and_not_stored()
    {
        var alice = await ConnectAsync("alice");

        var refused = await Should.ThrowAsync<HubException>(() => alice.Connection.InvokeAsync<HubClient.MessageView>(
            "SendMessage", new HubMessage(_general, Guid.NewGuid(), new string('a', Chat.Domain.Messages.MessageBody.MaxLength + 1))));

        refused.Message.ShouldContain("message.too_long");
        alice.Connection.State.ShouldBe(HubConnectionState.Connected);
    }

    [Fact]
    public async Task A_missing_argument_is_refused_with_a_code_not_logged_as_an_error_and_the_connection_stays()
    {
        var alice = await ConnectAsync("alice");

        var noMessage = await Should.ThrowAsync<HubException>(() => alice.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", (object?)null));
        var noPoints = await Should.ThrowAsync<HubException>(() => alice.Connection.InvokeAsync<object>("Sync", (object?)null));
        var nullPoint = await Should.ThrowAsync<HubException>(() => alice.Connection.InvokeAsync<object>("Sync", new object?[] { null }));

        noMessage.Message.ShouldContain("request.missing");
        noPoints.Message.ShouldContain("request.missing");
        nullPoint.Message.ShouldContain("request.missing");
        _app.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).ShouldBeEmpty();
        var sent = await alice.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(_general, Guid.NewGuid(), "still connected"));
        sent.Body.ShouldBe("still connected");
    }

    [Fact]
    public async Task Reading_in_one_client_tells_the_users_other_clients()
    {
        var laptop = await ConnectAsync("bob");
        var phone = await ConnectAsync("bob");
        var read = new TaskCompletionSource<ReadView>();
        phone.Connection.On<ReadView>("ReadStateChanged", r => read.TrySetResult(r));
        var sent = await laptop.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(_general, Guid.NewGuid(), "read me"));

        await laptop.Connection.InvokeAsync("MarkRead", _general, sent.Sequence);

        var heard = await read.Task.WaitAsync(Wait);
        (heard.ChannelId, heard.LastReadSequence).ShouldBe((_general, sent.Sequence));
    }

    [Fact]
    public async Task A_client_hears_when_the_people_it_has_conversations_with_come_and_go()
    {
        var aliceId = await ApiClients.UserIdAsync(_app, "alice");
        using (var bobRest = await RestAsync("bob"))
        {
            (await bobRest.PostAsJsonAsync("/api/v1/conversations", new { userIds = new[] { aliceId } })).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        }

        var heard = new System.Collections.Concurrent.ConcurrentQueue<(string UserId, string Status)>();
        var bob = await ConnectAsync("bob");
        bob.Connection.On<PresenceView>("PresenceChanged", p => heard.Enqueue((p.UserId, p.Status)));
        await bob.Connection.InvokeAsync<List<CatchUpView>>("Sync", Array.Empty<SyncPoint>());

        var alice = await ConnectAsync("alice");
        await Eventually.TrueAsync(() => Task.FromResult(heard.Contains((aliceId, "Online"))), Wait, "bob hears alice come");
        await alice.Connection.StopAsync();
        await Eventually.TrueAsync(() => Task.FromResult(heard.LastOrDefault() == (aliceId, "Offline")), Wait, "bob hears alice go");
    }

    [Fact]
    public async Task Sending_faster_than_allowed_is_refused_with_a_code_and_the_connection_stays()
    {
        var erin = await ConnectAsync("erin");
        var refusals = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            try
            {
                await erin.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(_general, Guid.NewGuid(), $"burst {i}"));
            }
            catch (HubException refused)
            {
                refusals.Add(refused.Message);
            }
        }

        refusals.ShouldNotBeEmpty();
        refusals.ShouldAllBe(r => r.Contains("message.rate_limited"));
        erin.Connection.State.ShouldBe(HubConnectionState.Connected);

        // A client's refusals are its own mistake: they must not fill the operator's log with errors.
        _app.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("SendMessage")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Malformed_frames_close_only_their_own_connection_and_store_nothing()
    {
        var token = await ApiClients.CreateTokenAsync(_app, "bob", "raw");
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri($"{_baseUrl.Replace("http", "ws")}/hubs/chat?access_token={token.Secret}"), default);
        await SendFrameAsync(socket, "{\"protocol\":\"json\",\"version\":1}\u001e");
        (await ReceiveFrameAsync(socket)).ShouldBe("{}\u001e");

        // Arguments that do not fit: the call is answered with an error, nothing is sent.
        await SendFrameAsync(socket, $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"SendMessage\",\"arguments\":[{{\"channelId\":\"not-a-guid\",\"body\":\"x\"}}]}}\u001e");
        (await ReceiveFrameAsync(socket)).ShouldContain("\"error\"");

        // Not JSON at all: the server closes this connection with an error.
        await SendFrameAsync(socket, "{this is not json\u001e");
        var closing = await ReceiveFrameAsync(socket);
        closing.ShouldContain("\"type\":7");

        var bob = await ConnectAsync("bob");
        var sent = await bob.Connection.InvokeAsync<HubClient.MessageView>("SendMessage", new HubMessage(_general, Guid.NewGuid(), "still here"));
        sent.Sequence.ShouldBe(1, "nothing was stored from the malformed frames");
    }

    private static async Task SendFrameAsync(System.Net.WebSockets.ClientWebSocket socket, string text) =>
        await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(text), System.Net.WebSockets.WebSocketMessageType.Text, true, default);

    private static async Task<string> ReceiveFrameAsync(System.Net.WebSockets.ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(Wait);
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, received.Count);
    }

    private async Task<HubClient> ConnectAsync(string user, bool messagePack = false)
    {
        var token = await ApiClients.CreateTokenAsync(_app, user, $"hub {Guid.NewGuid():N}");
        var client = await HubClient.ConnectAsync(_baseUrl, token.Secret, messagePack);
        _clients.Add(client);
        return client;
    }

    private async Task<HttpClient> RestAsync(string user)
    {
        var token = await ApiClients.CreateTokenAsync(_app, user, "rest");
        var client = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    private sealed class PresenceView
    {
        public string UserId { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;
    }

    private sealed class ReadView
    {
        public Guid ChannelId { get; set; }

        public long LastReadSequence { get; set; }
    }

    private sealed class CatchUpView
    {
        public Guid ChannelId { get; set; }

        public List<HubClient.MessageView> Messages { get; set; } = [];

        public bool HasMore { get; set; }

        public string? Error { get; set; }
    }

    private sealed class CreatedChannel
    {
        public Guid ChannelId { get; set; }
    }
}
