using Chat.Application.Audit;
using Chat.Application.Bots.CreateBot;
using Chat.Application.Bots.CreateBotToken;
using Chat.Application.Bots.ListBots;
using Chat.Application.Bots.RevokeBotToken;
using Chat.Application.Tokens.AuthenticateAccessToken;
using Chat.Application.Tokens.CreateAccessToken;
using Chat.Domain.Users;
using Chat.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Bots;

/// <summary>Bot accounts through the real use cases, Identity and SQLite.</summary>
public sealed class BotAccountTests : IAsyncLifetime
{
    private TestWorkspace _workspace = default!;
    private string _alice = default!;
    private string _bob = default!;

    public async Task InitializeAsync()
    {
        _workspace = await TestWorkspace.InitializedAsync(new Dictionary<string, string?> { ["Bootstrap:SeedDemoWorkspace"] = "true" });
        await using var db = _workspace.NewContext();
        _alice = (await db.Users.SingleAsync(u => u.Email == "alice@demo.chat")).Id;
        _bob = (await db.Users.SingleAsync(u => u.Email == "bob@demo.chat")).Id;
    }

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task An_administrator_creates_a_bot_that_signs_in_with_its_tokens_only()
    {
        var bot = (await Admin<CreateBotHandler>().HandleAsync(new CreateBot("@Deploy-Bot", "Deploy Bot"))).Value;
        var token = (await Admin<CreateBotTokenHandler>().HandleAsync(new CreateBotToken(bot.Id, "ci"))).Value;

        bot.Handle.ShouldBe("deploy-bot");
        using (var scope = _workspace.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(bot.Id))!;
            (await users.HasPasswordAsync(account)).ShouldBeFalse();
            (await users.IsInRoleAsync(account, WorkspaceRoles.Member)).ShouldBeTrue();
            (await users.IsInRoleAsync(account, WorkspaceRoles.WorkspaceAdmin)).ShouldBeFalse();
        }

        var holder = await _workspace.Services.CreateScope().ServiceProvider.GetRequiredService<AuthenticateAccessTokenHandler>()
            .HandleAsync(new AuthenticateAccessToken(token.Secret));
        holder.Value.UserId.ShouldBe(bot.Id);
        var listed = (await Admin<ListBotsHandler>().HandleAsync(new ListBots())).Value.ShouldHaveSingleItem();
        listed.Bot.Handle.ShouldBe("deploy-bot");
        listed.Tokens.ShouldHaveSingleItem().Name.ShouldBe("ci");
        (await Actions()).ShouldBe(["bot.token_created", "bot.created"]);
    }

    [Theory]
    [InlineData("alice", "handle.taken")]
    [InlineData("channel", "handle.reserved")]
    [InlineData("no spaces", "handle.invalid")]
    [InlineData("", "handle.invalid")]
    public async Task A_bot_needs_a_free_valid_handle(string handle, string code)
    {
        (await Admin<CreateBotHandler>().HandleAsync(new CreateBot(handle, "Some Bot"))).Error!.Code.ShouldBe(code);
        (await Admin<ListBotsHandler>().HandleAsync(new ListBots())).Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_administrators_manage_bots()
    {
        var bot = (await Admin<CreateBotHandler>().HandleAsync(new CreateBot("notify", "Notifier"))).Value;
        var token = (await Admin<CreateBotTokenHandler>().HandleAsync(new CreateBotToken(bot.Id, "ci"))).Value;

        (await Member<CreateBotHandler>().HandleAsync(new CreateBot("sneaky", "Sneaky"))).Error!.Code.ShouldBe("auth.admin_only");
        (await Member<ListBotsHandler>().HandleAsync(new ListBots())).Error!.Code.ShouldBe("auth.admin_only");
        (await Member<CreateBotTokenHandler>().HandleAsync(new CreateBotToken(bot.Id, "mine"))).Error!.Code.ShouldBe("auth.admin_only");
        (await Member<RevokeBotTokenHandler>().HandleAsync(new RevokeBotToken(bot.Id, token.Token.Id))).Error!.Code.ShouldBe("auth.admin_only");
        (await Admin<ListBotsHandler>().HandleAsync(new ListBots())).Value.ShouldHaveSingleItem().Tokens.ShouldHaveSingleItem().RevokedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_revoked_bot_token_stops_working_and_a_persons_token_is_not_a_bots_to_revoke()
    {
        var bot = (await Admin<CreateBotHandler>().HandleAsync(new CreateBot("notify", "Notifier"))).Value;
        var token = (await Admin<CreateBotTokenHandler>().HandleAsync(new CreateBotToken(bot.Id, "ci"))).Value;
        var bobs = (await Member<CreateAccessTokenHandler>().HandleAsync(new CreateAccessToken("laptop"))).Value;

        (await Admin<RevokeBotTokenHandler>().HandleAsync(new RevokeBotToken(bot.Id, token.Token.Id))).Succeeded.ShouldBeTrue();
        (await Admin<RevokeBotTokenHandler>().HandleAsync(new RevokeBotToken(_bob, bobs.Token.Id))).Error!.Code.ShouldBe("token.not_found");
        (await Admin<CreateBotTokenHandler>().HandleAsync(new CreateBotToken(_bob, "as bob"))).Error!.Code.ShouldBe("bot.not_found");

        var authenticate = _workspace.Services.CreateScope().ServiceProvider.GetRequiredService<AuthenticateAccessTokenHandler>();
        (await authenticate.HandleAsync(new AuthenticateAccessToken(token.Secret))).Succeeded.ShouldBeFalse();
        (await authenticate.HandleAsync(new AuthenticateAccessToken(bobs.Secret))).Succeeded.ShouldBeTrue();
        (await Actions()).First().ShouldBe("bot.token_revoked");
    }

    private T Admin<T>() where T : notnull => _workspace.Handler<T>(_alice, WorkspaceRoles.Member, WorkspaceRoles.WorkspaceAdmin);

    private T Member<T>() where T : notnull => _workspace.Handler<T>(_bob, WorkspaceRoles.Member);

    private async Task<List<string>> Actions() =>
        [.. (await _workspace.Services.GetRequiredService<IAuditLog>().ListAsync(null, 10, default)).Select(e => e.Action)];
}
