using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Application.Common;
using Chat.Application.Tokens.ListAccessTokens;
using Chat.Application.Tokens.RevokeAccessToken;
using Chat.Domain.Users;
using Chat.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Api;

/// <summary>Who the API lets in: access tokens only, checked on every request.</summary>
public sealed class ApiAuthenticationTests : WebAppTest
{
    public ApiAuthenticationTests() => App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";

    [Fact]
    public async Task A_request_without_a_token_is_refused_with_a_problem_saying_what_is_needed()
    {
        var response = await App.CreateClient().GetAsync("/api/v1/me");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        (await ProblemCodeAsync(response)).ShouldBe("token.required");
    }

    [Fact]
    public async Task A_token_signs_its_owner_in_until_it_is_revoked()
    {
        var (alice, token) = await ApiClients.ForAsync(App, "alice");

        var me = await alice.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("email").GetString().ShouldBe("alice@demo.chat");

        var userId = await ApiClients.UserIdAsync(App, "alice");
        using (var scope = App.Services.CreateScope())
        {
            var revoke = ActivatorUtilities.CreateInstance<RevokeAccessTokenHandler>(
                scope.ServiceProvider, (ICurrentActor)new FixedActor(new Actor(userId, new HashSet<string> { WorkspaceRoles.Member })));
            (await revoke.HandleAsync(new RevokeAccessToken(token.Token.Id))).Succeeded.ShouldBeTrue();
        }

        var refused = await alice.GetAsync("/api/v1/me");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ProblemCodeAsync(refused)).ShouldBe("token.invalid");
    }

    [Theory]
    [InlineData("cet_made-up-secret")]
    [InlineData("something else entirely")]
    public async Task An_unknown_token_is_refused(string secret)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var response = await client.GetAsync("/api/v1/channels");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ProblemCodeAsync(response)).ShouldBe("token.invalid");
    }

    [Fact]
    public async Task The_browsers_sign_in_cookie_does_not_open_the_api()
    {
        using var browser = App.CreateBrowser();
        (await browser.LoginAsync("alice@demo.chat", "ChatDemo2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await browser.Http.PostAsJsonAsync(
            $"/api/v1/channels/{await ApiClients.ChannelIdAsync(App, "general")}/messages",
            new { clientMessageId = Guid.NewGuid(), body = "forged from another site" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_owner_sees_when_a_token_was_last_used()
    {
        var (alice, token) = await ApiClients.ForAsync(App, "alice");
        (await alice.GetAsync("/api/v1/me")).EnsureSuccessStatusCode();

        var userId = await ApiClients.UserIdAsync(App, "alice");
        using var scope = App.Services.CreateScope();
        var list = ActivatorUtilities.CreateInstance<ListAccessTokensHandler>(
            scope.ServiceProvider, (ICurrentActor)new FixedActor(new Actor(userId, new HashSet<string> { WorkspaceRoles.Member })));
        var listed = (await list.HandleAsync(new ListAccessTokens())).Value.ShouldHaveSingleItem();
        listed.Id.ShouldBe(token.Token.Id);
        listed.LastUsedAt.ShouldNotBeNull();
    }

    internal static async Task<string?> ProblemCodeAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("code").GetString();
    }
}
