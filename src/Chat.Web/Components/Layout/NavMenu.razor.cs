using Chat.Application.Channels;
using Chat.Application.Channels.ListMyChannels;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Layout;

public partial class NavMenu
{
    private IReadOnlyList<ChannelSummary> _channels = [];

    [Inject]
    private ListMyChannelsHandler ListMyChannels { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var channels = await ListMyChannels.HandleAsync(new ListMyChannels());
        _channels = channels.Succeeded ? channels.Value : [];
    }
}
