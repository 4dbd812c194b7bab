using System.Net;
using System.Net.Http.Json;
using System.Text;
using Chat.Infrastructure.Persistence;
using Chat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Hardening;

/// <summary>Refusals the framework makes before any endpoint runs come back as problem details with a code too.</summary>
public sealed class ApiProblemTests : WebAppTest
{
    public ApiProblemTests() => App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";

    public static TheoryData<string, string, string?, string?, HttpStatusCode, string> Requests => new()
    {
        { "GET", "/api/v1/nothing-here", null, null, HttpStatusCode.NotFound, "api.not_found" },
        { "GET", "/api/v1/channels/not-a-guid/messages", null, null, HttpStatusCode.NotFound, "api.not_found" },
        { "DELETE", "/api/v1/channels/{general}/messages", null, null, HttpStatusCode.MethodNotAllowed, "api.method_not_allowed" },
        { "POST", "/api/v1/channels/{general}/messages", "text/plain", "hello", HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type" },
        { "POST", "/api/v1/channels/{general}/messages", "application/json", "{\"body\": \"unfinished", HttpStatusCode.BadRequest, "request.invalid" },
        { "POST", "/api/v1/channels/{general}/messages", "application/json", "{\"clientMessageId\": 5, \"body\": []}", HttpStatusCode.BadRequest, "request.invalid" },
        { "GET", "/api/v1/channels/{general}/messages?limit=lots", null, null, HttpStatusCode.BadRequest, "request.invalid" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_request_the_framework_refuses_gets_a_problem_with_a_code_and_writes_nothing(
        string method, string path, string? contentType, string? body, HttpStatusCode status, string code)
    {
        var (alice, _) = await ApiClients.ForAsync(App, "alice");
        var general = await ApiClients.ChannelIdAsync(App, "general");
        var before = await MessageCountAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{general}", general.ToString()));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType!);
        }

        var response = await alice.SendAsync(request);

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        (await MessageCountAsync()).ShouldBe(before);
    }

    private async Task<int> MessageCountAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        return await db.Messages.CountAsync();
    }
}
