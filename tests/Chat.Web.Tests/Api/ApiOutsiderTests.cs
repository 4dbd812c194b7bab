using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chat.Application.Files;
using Chat.Domain.Files;
using Chat.Infrastructure.Persistence;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Api;

/// <summary>
/// Every API endpoint that names a channel, message or file, called by someone outside the private channel they
/// belong to: each answers "not found", exactly as for an id that does not exist, and changes nothing.
/// </summary>
public sealed class ApiOutsiderTests : WebAppTest
{
    public ApiOutsiderTests() => App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";

    [Fact]
    public async Task An_outsider_gets_not_found_from_every_endpoint_naming_a_private_channels_things()
    {
        var (dan, _) = await ApiClients.ForAsync(App, "dan");
        var (bob, _) = await ApiClients.ForAsync(App, "bob");
        var engineering = await ApiClients.ChannelIdAsync(App, "engineering");
        var sent = await (await dan.PostAsJsonAsync($"/api/v1/channels/{engineering}/messages", new { clientMessageId = Guid.NewGuid(), body = "secret" }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var messageId = sent.GetProperty("id").GetGuid();
        var fileId = await SharedFileAsync(engineering, messageId);
        var ids = new Dictionary<string, string>
        {
            ["channelId"] = engineering.ToString(),
            ["messageId"] = messageId.ToString(),
            ["fileId"] = fileId.ToString(),
            ["emoji"] = "thumbsup",
        };

        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal) && e.RoutePattern.Parameters.Count > 0)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(15);

        foreach (var (method, route) in endpoints)
        {
            var path = Regex.Replace(route, @"\{(\w+)(:[^}]+)?\}", m => ids[m.Groups[1].Value]);
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new
                {
                    clientMessageId = Guid.NewGuid(), body = "outsider", sequence = 1, userIds = new[] { "x" }, name = "x",
                }),
            };

            var response = await bob.SendAsync(request);

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {route}");
        }

        var history = await dan.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/api/v1/channels/{engineering}/messages");
        history!.Single(m => m.GetProperty("id").GetGuid() == messageId).GetProperty("body").GetString().ShouldBe("secret");
        history!.ShouldNotContain(m => m.GetProperty("body").GetString() == "outsider");
    }

    /// <summary>A clean file Dan shared in the channel with his message.</summary>
    private async Task<Guid> SharedFileAsync(Guid channelId, Guid messageId)
    {
        using var scope = App.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        var dan = await ApiClients.UserIdAsync(App, "dan");
        byte[] pdf = [.. "%PDF-1.7\nplan"u8.ToArray()];
        var blob = (await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(pdf), 1 << 20, default))!;
        var file = StoredFile.Upload(channelId, dan, "plan.pdf", FileType.Check("plan.pdf", pdf).Value, blob.Size, blob.Sha256, blob.Key, DateTimeOffset.UtcNow);
        file.RecordScan(ScanStatus.Clean, null, DateTimeOffset.UtcNow).Succeeded.ShouldBeTrue();
        file.AttachTo(messageId, dan).Succeeded.ShouldBeTrue();
        db.Files.Add(file);
        await db.SaveChangesAsync();
        return file.Id;
    }
}
