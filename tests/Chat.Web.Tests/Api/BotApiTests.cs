using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Application.Bots.CreateBot;
using Chat.Application.Bots.CreateBotToken;
using Chat.Application.Common;
using Chat.Domain.Users;
using Chat.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Api;

/// <summary>A bot an administrator made works the API like a member, with its own name on what it posts.</summary>
public sealed class BotApiTests : WebAppTest
{
    public BotApiTests() => App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";

    [Fact]
    public async Task A_bot_joins_a_public_channel_and_posts_under_its_own_name_and_cannot_sign_in_to_the_ui()
    {
        var secret = await BotTokenAsync("deploy-bot", "Deploy Bot");
        var bot = App.CreateClient();
        bot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var general = await ApiClients.ChannelIdAsync(App, "general");

        (await bot.PostAsync($"/api/v1/channels/{general}/join", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var posted = await bot.PostAsJsonAsync($"/api/v1/channels/{general}/messages", new { clientMessageId = Guid.NewGuid(), body = "build 42 deployed" });

        posted.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("senderName").GetString().ShouldBe("Deploy Bot");
        var engineering = await ApiClients.ChannelIdAsync(App, "engineering");
        (await bot.GetAsync($"/api/v1/channels/{engineering}/messages")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var browser = App.CreateBrowser();
        var signIn = await browser.LoginAsync("deploy-bot@bots.invalid", "anything-at-all-1A");
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "the sign-in form comes back with an error instead of signing the bot in");
    }

    [Fact]
    public async Task Administrators_see_bots_and_their_tokens_on_the_bots_page()
    {
        await BotTokenAsync("notify", "Notifier");
        using var alice = App.CreateBrowser();
        await alice.LoginAsync("alice@demo.chat", "ChatDemo2026");

        var page = await alice.GetPageAsync("/admin/bots");

        var bot = page.QuerySelector(".bot[data-bot='notify']").ShouldNotBeNull();
        bot.TextContent.ShouldContain("Notifier");
        bot.QuerySelector("tr[data-token='ci']")!.TextContent.ShouldContain("never used");
    }

    private async Task<string> BotTokenAsync(string handle, string name)
    {
        using var scope = App.Services.CreateScope();
        var alice = await ApiClients.UserIdAsync(App, "alice");
        var admin = (ICurrentActor)new FixedActor(new Actor(alice, new HashSet<string> { WorkspaceRoles.Member, WorkspaceRoles.WorkspaceAdmin }));
        var bot = (await ActivatorUtilities.CreateInstance<CreateBotHandler>(scope.ServiceProvider, admin).HandleAsync(new CreateBot(handle, name))).Value;
        var token = await ActivatorUtilities.CreateInstance<CreateBotTokenHandler>(scope.ServiceProvider, admin).HandleAsync(new CreateBotToken(bot.Id, "ci"));
        return token.Value.Secret;
    }
}
