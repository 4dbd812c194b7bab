using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Api;

/// <summary>Messaging through the REST API: the same rules as the UI, as problem details when refused.</summary>
public sealed class MessagesApiTests : WebAppTest
{
    public MessagesApiTests() => App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";

    [Fact]
    public async Task A_retried_send_stores_one_message_and_history_pages_by_sequence()
    {
        var (alice, _) = await ApiClients.ForAsync(App, "alice");
        var general = await ApiClients.ChannelIdAsync(App, "general");
        foreach (var earlier in new[] { "one", "two" })
        {
            (await alice.PostAsJsonAsync($"/api/v1/channels/{general}/messages", new { clientMessageId = Guid.NewGuid(), body = earlier })).EnsureSuccessStatusCode();
        }

        var before = await HistoryAsync(alice, general);
        var clientId = Guid.NewGuid();

        var first = await alice.PostAsJsonAsync($"/api/v1/channels/{general}/messages", new { clientMessageId = clientId, body = "ship it" });
        var retry = await alice.PostAsJsonAsync($"/api/v1/channels/{general}/messages", new { clientMessageId = clientId, body = "ship it" });

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var sent = await first.Content.ReadFromJsonAsync<JsonElement>();
        (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldBe(sent.GetProperty("id").GetGuid());
        var sequence = sent.GetProperty("sequence").GetInt64();
        var after = await HistoryAsync(alice, general, $"?after={sequence - 1}");
        after.ShouldHaveSingleItem().GetProperty("body").GetString().ShouldBe("ship it");
        (await HistoryAsync(alice, general)).Count.ShouldBe(Math.Min(before.Count + 1, 50));
        (await HistoryAsync(alice, general, $"?before={sequence}&limit=2")).Select(m => m.GetProperty("sequence").GetInt64())
            .ShouldBe([sequence - 2, sequence - 1]);
        (await HistoryAsync(alice, general, $"?before={sequence}&limit=2")).Select(m => m.GetProperty("body").GetString()).ShouldBe(["one", "two"]);
    }

    [Fact]
    public async Task Edits_reactions_and_deletes_go_through_and_a_reaction_added_twice_counts_once()
    {
        var (alice, _) = await ApiClients.ForAsync(App, "alice");
        var (bob, _) = await ApiClients.ForAsync(App, "bob");
        var general = await ApiClients.ChannelIdAsync(App, "general");
        var sent = await (await alice.PostAsJsonAsync($"/api/v1/channels/{general}/messages", new { clientMessageId = Guid.NewGuid(), body = "frist" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = sent.GetProperty("id").GetGuid();

        var edited = await alice.PatchAsJsonAsync($"/api/v1/messages/{id}", new { body = "first" });
        (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("body").GetString().ShouldBe("first");
        (await bob.PatchAsJsonAsync($"/api/v1/messages/{id}", new { body = "bob was here" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await bob.PutAsync($"/api/v1/messages/{id}/reactions/thumbsup", null);
        var twice = await (await bob.PutAsync($"/api/v1/messages/{id}/reactions/thumbsup", null)).Content.ReadFromJsonAsync<JsonElement>();
        twice.GetProperty("reactions")[0].GetProperty("userIds").GetArrayLength().ShouldBe(1);
        var removed = await (await bob.DeleteAsync($"/api/v1/messages/{id}/reactions/thumbsup")).Content.ReadFromJsonAsync<JsonElement>();
        removed.GetProperty("reactions").GetArrayLength().ShouldBe(0);
        var unknown = await bob.PutAsync($"/api/v1/messages/{id}/reactions/not-an-emoji", null);
        (await ApiAuthenticationTests.ProblemCodeAsync(unknown)).ShouldBe("reaction.unknown_emoji");

        (await alice.DeleteAsync($"/api/v1/messages/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var history = await HistoryAsync(alice, general);
        history.Single(m => m.GetProperty("id").GetGuid() == id).GetProperty("isDeleted").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_private_channel_looks_like_nothing_to_an_outsider_who_can_neither_read_nor_post()
    {
        var (bob, _) = await ApiClients.ForAsync(App, "bob");
        var engineering = await ApiClients.ChannelIdAsync(App, "engineering");

        var read = await bob.GetAsync($"/api/v1/channels/{engineering}/messages");
        var post = await bob.PostAsJsonAsync($"/api/v1/channels/{engineering}/messages", new { clientMessageId = Guid.NewGuid(), body = "let me in" });
        var missing = await bob.GetAsync($"/api/v1/channels/{Guid.NewGuid()}/messages");

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ApiAuthenticationTests.ProblemCodeAsync(read)).ShouldBe(await ApiAuthenticationTests.ProblemCodeAsync(missing));
        var (dan, _) = await ApiClients.ForAsync(App, "dan");
        (await HistoryAsync(dan, engineering)).ShouldNotContain(m => m.GetProperty("body").GetString() == "let me in");
    }

    [Theory]
    [InlineData("{\"clientMessageId\": \"not-a-guid\", \"body\": \"hi\"}")]
    [InlineData("{\"clientMessageId\": ")]
    [InlineData("[1, 2, 3]")]
    public async Task A_malformed_body_gets_a_400_problem_and_writes_nothing(string json)
    {
        var (alice, _) = await ApiClients.ForAsync(App, "alice");
        var general = await ApiClients.ChannelIdAsync(App, "general");
        var before = await HistoryAsync(alice, general);

        var response = await alice.PostAsync($"/api/v1/channels/{general}/messages", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await HistoryAsync(alice, general)).Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task An_oversized_message_is_refused_with_its_limit()
    {
        var (alice, _) = await ApiClients.ForAsync(App, "alice");
        var general = await ApiClients.ChannelIdAsync(App, "general");

        var response = await alice.PostAsJsonAsync(
            $"/api/v1/channels/{general}/messages", new { clientMessageId = Guid.NewGuid(), body = new string('a', Chat.Domain.Messages.MessageBody.MaxLength + 1) });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiAuthenticationTests.ProblemCodeAsync(response)).ShouldBe("message.too_long");
    }

    private static async Task<List<JsonElement>> HistoryAsync(HttpClient client, Guid channelId, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/channels/{channelId}/messages{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}
