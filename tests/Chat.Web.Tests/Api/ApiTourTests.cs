using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Application.Files;
using Chat.Domain.Files;
using Chat.E2E.Tests;
using Chat.Infrastructure.Persistence;
using Chat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Api;

/// <summary>Every API operation's success path, as a client would walk them (refusals: the outsider matrix and the others).</summary>
public sealed class ApiTourTests : WebAppTest
{
    public ApiTourTests() => App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";

    [Fact]
    public async Task A_client_walks_every_operation_and_each_answers_as_documented()
    {
        var (alice, _) = await ApiClients.ForAsync(App, "alice");
        var (bob, _) = await ApiClients.ForAsync(App, "bob");
        var bobId = await ApiClients.UserIdAsync(App, "bob");

        (await Json(alice, "/api/v1/me")).GetProperty("email").GetString().ShouldBe("alice@demo.chat");
        (await Json(alice, "/api/v1/channels")).EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldContain("general");
        (await Json(bob, "/api/v1/channels/public")).EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldContain("random");

        var created = await alice.PostAsJsonAsync("/api/v1/channels", new { name = "api-tour", @private = true, topic = "walking" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var channel = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("channelId").GetGuid();
        (await alice.PostAsJsonAsync($"/api/v1/channels/{channel}/members", new { userIds = new[] { bobId } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Json(alice, $"/api/v1/channels/{channel}/members")).GetProperty("members").EnumerateArray()
            .Select(m => m.GetProperty("handle").GetString()).Order().ShouldBe(["alice", "bob"]);

        var root = await SendAsync(alice, channel, new { clientMessageId = Guid.NewGuid(), body = "thread root" });
        var reply = await SendAsync(bob, channel, new { clientMessageId = Guid.NewGuid(), body = "a reply", threadRootId = root });
        var thread = await Json(bob, $"/api/v1/messages/{root}/thread");
        thread.GetProperty("replies").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(reply);
        (await alice.PostAsJsonAsync($"/api/v1/messages/{root}/thread/read", new { sequence = 2 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Json(alice, "/api/v1/me/threads")).EnumerateArray().ShouldContain(t => t.GetProperty("root").GetProperty("id").GetGuid() == root);

        (await alice.PutAsync($"/api/v1/messages/{root}/pin", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(alice, $"/api/v1/channels/{channel}/messages")).EnumerateArray()
            .Single(m => m.GetProperty("id").GetGuid() == root).GetProperty("isPinned").GetBoolean().ShouldBeTrue();
        (await alice.DeleteAsync($"/api/v1/messages/{root}/pin")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bob.PostAsJsonAsync($"/api/v1/channels/{channel}/read", new { sequence = 2 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Json(bob, "/api/v1/channels")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == channel)
            .GetProperty("unread").GetInt32().ShouldBe(0);

        var file = await SharedFileAsync(channel, root);
        (await Json(bob, $"/api/v1/files/{file}")).GetProperty("name").GetString().ShouldBe("agenda.pdf");
        var content = await bob.GetAsync($"/api/v1/files/{file}/content");
        content.StatusCode.ShouldBe(HttpStatusCode.OK);
        content.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await Json(bob, $"/api/v1/channels/{channel}/files")).EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(file);

        await Eventually.TrueAsync(
            async () => (await Json(bob, "/api/v1/search?q=%22thread%20root%22")).GetProperty("results").GetArrayLength() == 1,
            TimeSpan.FromSeconds(10), "the indexer makes the root findable");
        (await bob.PostAsync($"/api/v1/channels/{channel}/leave", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await bob.GetAsync($"/api/v1/channels/{channel}/messages")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a private channel left is closed");
        var random = await ApiClients.ChannelIdAsync(App, "random");
        (await bob.PostAsync($"/api/v1/channels/{random}/join", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    private static async Task<JsonElement> Json(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Guid> SendAsync(HttpClient client, Guid channel, object message)
    {
        var sent = await client.PostAsJsonAsync($"/api/v1/channels/{channel}/messages", message);
        sent.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A clean PDF Alice shared with a message.</summary>
    private async Task<Guid> SharedFileAsync(Guid channelId, Guid messageId)
    {
        using var scope = App.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        var alice = await ApiClients.UserIdAsync(App, "alice");
        byte[] pdf = [.. "%PDF-1.7\nagenda"u8.ToArray()];
        var blob = (await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(pdf), 1 << 20, default))!;
        var stored = StoredFile.Upload(channelId, alice, "agenda.pdf", FileType.Check("agenda.pdf", pdf).Value, blob.Size, blob.Sha256, blob.Key, DateTimeOffset.UtcNow);
        stored.RecordScan(ScanStatus.Clean, null, DateTimeOffset.UtcNow).Succeeded.ShouldBeTrue();
        stored.AttachTo(messageId, alice).Succeeded.ShouldBeTrue();
        db.Files.Add(stored);
        await db.SaveChangesAsync();
        return stored.Id;
    }
}
