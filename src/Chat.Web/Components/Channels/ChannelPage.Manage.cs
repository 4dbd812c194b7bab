using Chat.Application.Channels.ArchiveChannel;
using Chat.Application.Events;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Chat.Web.Components.Channels;

/// <summary>The channel page's part that follows and makes changes to the channel itself: name, state and members.</summary>
public partial class ChannelPage
{
    [Inject]
    private ArchiveChannelHandler ArchiveChannel { get; set; } = default!;

    /// <summary>A rename moves the page to the new address; an archive or a change of the viewer's membership reopens it.</summary>
    private async Task OnChannelEventAsync(ChatEvent chatEvent)
    {
        switch (chatEvent)
        {
            case ChannelChanged changed when changed.Name != _channel?.Name:
                Navigation.NavigateTo($"c/{changed.Name}{(Thread is { } root ? $"?thread={root}" : string.Empty)}", replace: true);
                break;
            case ChannelChanged changed when _channel is not null:
                _channel = _channel with { IsArchived = changed.IsArchived };
                StateHasChanged();
                break;
            case MembersChanged members when members.Added.Contains(_viewer.UserId!) || members.Removed.Contains(_viewer.UserId!):
                await OpenAsync();
                StateHasChanged();
                break;
        }
    }

    private async Task ShowMembersAsync() =>
        await Dialogs.ShowAsync<MembersDialog>(
            "Members",
            new DialogParameters<MembersDialog>
            {
                { d => d.ChannelId, _channel!.ChannelId },
                { d => d.CanAdd, _channel.CanPost },
                { d => d.ViewerId, _viewer.UserId },
            });

    private async Task EditSettingsAsync()
    {
        var dialog = await Dialogs.ShowAsync<ChannelSettingsDialog>(
            "Channel settings",
            new DialogParameters<ChannelSettingsDialog> { { d => d.ChannelId, _channel!.ChannelId }, { d => d.Name, _channel.Name } });
        if (await dialog.Result is { Canceled: false, Data: string name } && name != _channel.Name)
        {
            Navigation.NavigateTo($"c/{name}", replace: true);
        }
    }

    private async Task ToggleArchivedAsync()
    {
        var archive = !_channel!.IsArchived;
        if (archive && await Dialogs.ShowMessageBoxAsync(
                "Archive channel",
                $"Archive #{_channel.Name}? It becomes read-only and leaves everyone's sidebar; you can unarchive it later.",
                yesText: "Archive",
                cancelText: "Cancel") != true)
        {
            return;
        }

        Report(await ArchiveChannel.HandleAsync(new ArchiveChannel(_channel.ChannelId, archive)));
    }
}
