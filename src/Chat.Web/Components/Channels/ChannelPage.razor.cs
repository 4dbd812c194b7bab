using Chat.Application.Channels.OpenChannel;
using Chat.Domain.Channels;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Chat.Web.Components.Channels;

/// <summary>One conversation: header, live message list and composer.</summary>
public partial class ChannelPage
{
    private ChannelAccess? _channel;
    private string? _notFound;

    /// <summary>The channel's name from the address <c>/c/{name}</c>.</summary>
    [Parameter]
    public string Name { get; set; } = string.Empty;

    [Inject]
    private OpenChannelHandler OpenChannel { get; set; } = default!;

    [Inject]
    private ChannelFeed Feed { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (_channel?.Name == Name)
        {
            return;
        }

        var opened = await OpenChannel.HandleAsync(new OpenChannel(Name));
        if (!opened.Succeeded)
        {
            (_channel, _notFound) = (null, opened.Error!.Message);
            Feed.Dispose();
            return;
        }

        (_channel, _notFound) = (opened.Value, null);
        var started = await Feed.StartAsync(_channel.ChannelId, InvokeAsync, OnFeedChanged);
        if (!started.Succeeded)
        {
            _notFound = started.Error!.Message;
        }
    }

    public void Dispose() => Feed.Dispose();

    private void OnFeedChanged() => StateHasChanged();

    private async Task LoadOlderAsync()
    {
        var loaded = await Feed.LoadOlderAsync();
        if (!loaded.Succeeded)
        {
            Snackbar.Add(loaded.Error!.Message, Severity.Error);
        }
    }
}
