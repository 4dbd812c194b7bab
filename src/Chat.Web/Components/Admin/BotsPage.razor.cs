using Chat.Application.Bots;
using Chat.Application.Bots.CreateBot;
using Chat.Application.Bots.CreateBotToken;
using Chat.Application.Bots.ListBots;
using Chat.Application.Bots.RevokeBotToken;
using Chat.Application.Tokens.CreateAccessToken;
using Chat.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Admin;

/// <summary>Administrators create bot accounts and issue and revoke their tokens.</summary>
public sealed partial class BotsPage
{
    private IReadOnlyList<BotWithTokens> _bots = [];
    private CreatedAccessToken? _created;
    private string? _error;
    private string _handle = string.Empty;
    private string _name = string.Empty;

    [Inject]
    private ListBotsHandler ListBots { get; set; } = default!;

    [Inject]
    private CreateBotHandler CreateBot { get; set; } = default!;

    [Inject]
    private CreateBotTokenHandler CreateToken { get; set; } = default!;

    [Inject]
    private RevokeBotTokenHandler RevokeToken { get; set; } = default!;

    [Inject]
    private ViewerClock Clock { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task CreateBotAsync()
    {
        var created = await CreateBot.HandleAsync(new CreateBot(_handle, _name));
        (_error, _created) = (created.Error?.Message, null);
        if (created.Succeeded)
        {
            (_handle, _name) = (string.Empty, string.Empty);
        }

        await LoadAsync();
    }

    private async Task IssueTokenAsync(BotAccount bot)
    {
        var issued = await CreateToken.HandleAsync(new CreateBotToken(bot.Id, $"{bot.Handle} token {DateTime.UtcNow:yyyy-MM-dd HH:mm}"));
        (_error, _created) = (issued.Error?.Message, issued.Succeeded ? issued.Value : null);
        await LoadAsync();
    }

    private async Task RevokeAsync(string botId, Guid tokenId)
    {
        var revoked = await RevokeToken.HandleAsync(new RevokeBotToken(botId, tokenId));
        (_error, _created) = (revoked.Error?.Message, null);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var listed = await ListBots.HandleAsync(new ListBots());
        if (listed.Succeeded)
        {
            _bots = listed.Value;
        }
        else
        {
            _error = listed.Error!.Message;
        }
    }
}
