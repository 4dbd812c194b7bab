using System.Collections.Concurrent;
using Chat.Launch;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using static Microsoft.Playwright.Assertions;

namespace Chat.E2E.Tests;

/// <summary>Scale-out: people on two different nodes see each other live, in the browser and through the hub.</summary>
public sealed class TwoNodesTests(TwoNodesFixture nodes) : IClassFixture<TwoNodesFixture>
{
    [Fact]
    public async Task People_on_two_nodes_see_each_others_messages_edits_and_typing_in_the_browser()
    {
        var alice = await nodes.SignInAsync(nodes.NodeA, "alice@demo.chat");
        var bob = await nodes.SignInAsync(nodes.NodeB, "bob@demo.chat");
        await alice.OpenChannelAsync("random");
        await bob.OpenChannelAsync("random");
        var run = Guid.NewGuid().ToString("N")[..8];

        await alice.SendAsync($"{run} hello from node A");
        var bobsCopy = bob.Page.Locator(".message").Filter(new() { HasText = run });
        await Expect(bobsCopy).ToHaveCountAsync(1);

        await bob.WaitForComposerAsync();
        await bob.Composer.PressSequentiallyAsync("on my way");
        await Expect(alice.Page.Locator("#typing-indicator")).ToHaveTextAsync("Bob Baker is typing…");
        await bob.Composer.PressAsync("Enter");
        await Expect(alice.Page.Locator(".message").Filter(new() { HasText = "on my way" })).Not.ToHaveCountAsync(0);

        await alice.EditLastMessageAsync($"{run} hello from **node A**");
        await Expect(bobsCopy.Locator(".message-body strong")).ToHaveTextAsync("node A");
        await Expect(bobsCopy.Locator(".message-edited")).ToHaveTextAsync("(edited)");
    }

    [Fact]
    public async Task Hub_clients_on_two_nodes_see_each_others_messages_edits_and_typing()
    {
        var aliceToken = await CreateTokenAsync(nodes.NodeA, "alice@demo.chat");
        var bobToken = await CreateTokenAsync(nodes.NodeB, "bob@demo.chat");
        await using var alice = await HubAsync(nodes.NodeA, aliceToken);
        await using var bob = await HubAsync(nodes.NodeB, bobToken);
        var random = await ChannelIdAsync(nodes.NodeA, aliceToken, "random");
        var bobHeard = new ConcurrentQueue<(string Name, string? Body)>();
        bob.On<MessageEvent>("MessagePosted", e => bobHeard.Enqueue(("MessagePosted", e.Message.Body)));
        bob.On<MessageEvent>("MessageEdited", e => bobHeard.Enqueue(("MessageEdited", e.Message.Body)));
        bob.On<TypingEvent>("UserTyping", e => bobHeard.Enqueue(("UserTyping", e.DisplayName)));

        await alice.InvokeAsync("StartTyping", random);
        var sent = await alice.InvokeAsync<MessageView>("SendMessage", new { channelId = random, clientMessageId = Guid.NewGuid(), body = "hub hello from A" });
        using var rest = Rest(nodes.NodeA, aliceToken);
        (await rest.PatchAsync($"/api/v1/messages/{sent.Id}", Json(new { body = "hub hello from node A" }))).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(() => Task.FromResult(bobHeard.Any(h => h.Name == "MessageEdited")), TimeSpan.FromSeconds(15), "bob on B hears the edit");
        bobHeard.ShouldContain(("UserTyping", "Alice Admin"));
        bobHeard.Where(h => h.Name != "UserTyping").ShouldBe([("MessagePosted", "hub hello from A"), ("MessageEdited", "hub hello from node A")]);
    }

    private async Task<string> CreateTokenAsync(AppNode node, string email)
    {
        var person = await nodes.SignInAsync(node, email);
        await person.Page.GotoAsync("/Account/Manage/AccessTokens");
        await person.Page.FillAsync("#token-name", "two-node test");
        await person.Page.ClickAsync("#token-create");
        var secret = (await person.Page.Locator("#token-secret").TextContentAsync())!.Trim();
        await person.Page.Context.CloseAsync();
        return secret;
    }

    private static async Task<HubConnection> HubAsync(AppNode node, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl($"{node.BaseUrl}/hubs/chat", options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        await connection.StartInGroupsAsync();
        return connection;
    }

    private static HttpClient Rest(AppNode node, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(node.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<Guid> ChannelIdAsync(AppNode node, string token, string name)
    {
        using var rest = Rest(node, token);
        var channels = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<List<ChannelView>>(rest, "/api/v1/channels");
        return channels!.Single(c => c.Name == name).Id;
    }

    private static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private sealed class MessageEvent
    {
        public MessageView Message { get; set; } = default!;
    }

    private sealed class MessageView
    {
        public Guid Id { get; set; }

        public string Body { get; set; } = string.Empty;
    }

    private sealed class TypingEvent
    {
        public string DisplayName { get; set; } = string.Empty;
    }

    private sealed class ChannelView
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = string.Empty;
    }
}
