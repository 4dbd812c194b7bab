using Chat.Application.Channels.JoinChannel;
using Chat.Application.Channels.MarkRead;
using Chat.Application.Channels.LeaveChannel;
using Chat.Application.Channels.OpenChannel;
using Chat.Application.Common;
using Chat.Application.Messages;
using Chat.Application.Messages.DeleteMessage;
using Chat.Application.Messages.EditMessage;
using Chat.Application.Messages.ListPinned;
using Chat.Application.Messages.PinMessage;
using Chat.Application.Messages.ToggleReaction;
using Chat.Domain.Channels;
using Chat.Domain.Common;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Chat.Web.Components.Channels;

/// <summary>One conversation: header, live message list and composer.</summary>
public partial class ChannelPage
{
    private ChannelAccess? _channel;
    private string? _notFound;
    private Actor _viewer = Actor.Anonymous;
    private bool _canModerate;
    private Guid? _editingMessageId;
    private MessageList? _list;
    private TypingIndicator? _typing;
    private long? _firstUnreadAtOpen;
    private int _openedKey;

    /// <summary>The channel's name from the address <c>/c/{name}</c>.</summary>
    [Parameter]
    public string Name { get; set; } = string.Empty;

    /// <summary>A message to jump to, from <c>/c/{name}/m/{sequence}</c>; none shows the newest messages.</summary>
    [Parameter]
    public long? Sequence { get; set; }

    /// <summary>The thread open in the side panel, from <c>?thread={root message id}</c>; none closes it.</summary>
    [SupplyParameterFromQuery(Name = "thread")]
    public Guid? Thread { get; set; }

    private long? _openedAt;
    private IReadOnlyList<MessageDto>? _pinned;
    private bool _showFiles;

    // After "mark unread" the channel stays unread while the reader is still on it, as in Slack.
    private bool _keepUnread;

    [Inject]
    private OpenChannelHandler OpenChannel { get; set; } = default!;

    [Inject]
    private EditMessageHandler EditMessage { get; set; } = default!;

    [Inject]
    private DeleteMessageHandler DeleteMessage { get; set; } = default!;

    [Inject]
    private ToggleReactionHandler ToggleReaction { get; set; } = default!;

    [Inject]
    private PinMessageHandler PinMessage { get; set; } = default!;

    [Inject]
    private MarkReadHandler MarkRead { get; set; } = default!;

    [Inject]
    private ListPinnedHandler ListPinned { get; set; } = default!;

    [Inject]
    private JoinChannelHandler JoinChannel { get; set; } = default!;

    [Inject]
    private LeaveChannelHandler LeaveChannel { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ICurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ChannelFeed Feed { get; set; } = default!;

    [Inject]
    private Layout.Sidebar Sidebar { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _viewer = await CurrentActor.GetAsync();
        _canModerate = _viewer.IsInRole(WorkspaceRoles.WorkspaceAdmin);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_channel?.Name == Name && _openedAt == Sequence)
        {
            return;
        }

        _openedAt = Sequence;
        await OpenAsync();
    }

    private async Task OpenAsync()
    {
        _editingMessageId = null;
        _pinned = null;
        _showFiles = false;
        _keepUnread = false;
        StopViewing();
        var opened = await OpenChannel.HandleAsync(new OpenChannel(Name));
        if (!opened.Succeeded)
        {
            (_channel, _notFound) = (null, opened.Error!.Message);
            return;
        }

        (_channel, _notFound) = (opened.Value, null);
        await Sidebar.LoadAsync();
        var lastRead = Sidebar.LastReadOf(_channel.ChannelId);
        var started = await Feed.StartAsync(_channel.ChannelId, InvokeAsync, OnFeedChanged, Sequence, OnChannelEventAsync);
        if (!started.Succeeded)
        {
            _notFound = started.Error!.Message;
            return;
        }

        // Only what was unread on arrival gets the divider; the viewer's own messages are never new to them.
        _firstUnreadAtOpen = Feed.Messages
            .FirstOrDefault(m => m.Sequence > lastRead && m.SenderId != _viewer.UserId && m.IsInChannel)?.Sequence;
        _openedKey++;
    }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private int _viewedKey;

    // Shown in a live tab (a prerendered page never gets here, and marking it read then would leave the interactive
    // page without its divider), the conversation is read; and the next sign-in in this browser lands here (see
    // IdentityRedirectManager.RedirectAfterSignIn).
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_channel is not null && _viewedKey != _openedKey)
        {
            _viewedKey = _openedKey;
            await Sidebar.ViewingAsync(_channel.ChannelId, Feed.LastSequence);
            await JS.InvokeVoidAsync("chatShell.rememberConversation", _viewer.UserId, _channel.Name);
        }
    }

    public void Dispose() => StopViewing();

    private void StopViewing()
    {
        if (_channel is not null)
        {
            Sidebar.Left(_channel.ChannelId);
        }

        Feed.Dispose();
    }

    /// <summary>New messages arriving while the channel is open are read at once.</summary>
    private void OnFeedChanged()
    {
        // The thread panel shows the feed's replies too; otherwise only the list and the typing line change.
        if (_list is not null && _typing is not null && Thread is null)
        {
            _list.Show(Feed.Messages, Feed.HasOlder);
            _typing.Show(Feed.Typing);
        }
        else
        {
            StateHasChanged();
        }

        if (_channel is not null && !_keepUnread)
        {
            _ = MarkViewedAsync(_channel.ChannelId, Feed.LastSequence);
        }
    }

    private async Task MarkViewedAsync(Guid channelId, long sequence)
    {
        try
        {
            await Sidebar.ViewingAsync(channelId, sequence);
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    }

    private async Task ToggleReactionAsync((MessageDto Message, string EmojiId) reaction) =>
        Report(await ToggleReaction.HandleAsync(new ToggleReaction(reaction.Message.Id, reaction.EmojiId)));

    private async Task MarkUnreadAsync(MessageDto message)
    {
        if (Report(await MarkRead.HandleAsync(new MarkRead(_channel!.ChannelId, message.Sequence, Unread: true))))
        {
            (_keepUnread, _firstUnreadAtOpen) = (true, message.Sequence);
            Sidebar.Left(_channel.ChannelId);
            await Sidebar.RefreshAsync();
        }
    }

    private async Task PinAsync(MessageDto message)
    {
        if (Report(await PinMessage.HandleAsync(new PinMessage(message.Id, !message.IsPinned))) && _pinned is not null)
        {
            await LoadPinnedAsync();
        }
    }

    private async Task TogglePinnedAsync()
    {
        if (_pinned is null)
        {
            await LoadPinnedAsync();
        }
        else
        {
            _pinned = null;
        }
    }

    private async Task LoadPinnedAsync()
    {
        var pinned = await ListPinned.HandleAsync(new ListPinned(_channel!.ChannelId));
        _pinned = Report(pinned) ? pinned.Value : null;
    }

    private async Task JoinAsync()
    {
        if (Report(await JoinChannel.HandleAsync(new JoinChannel(_channel!.ChannelId))))
        {
            _channel = _channel with { Role = ChannelRole.Member };
            await Sidebar.RefreshAsync();
            await Sidebar.ViewingAsync(_channel.ChannelId, Feed.LastSequence);
        }
    }

    // Leaving a private channel cannot be undone alone (only an invitation brings one back), so it is confirmed first.
    // Afterwards the reader lands in their first remaining conversation, or at Home when none is left.
    private async Task LeaveAsync()
    {
        var channel = _channel!;
        if (channel.Kind == ChannelKind.Private && await Dialogs.ShowMessageBoxAsync(
                "Leave channel",
                $"Leave #{channel.Name}? It is private: you can only come back if a member invites you.",
                yesText: "Leave",
                cancelText: "Cancel") != true)
        {
            return;
        }

        if (Report(await LeaveChannel.HandleAsync(new LeaveChannel(channel.ChannelId))))
        {
            await Sidebar.RefreshAsync();
            var next = Sidebar.Channels.Concat(Sidebar.DirectMessages).FirstOrDefault(c => c.Id != channel.ChannelId);
            Navigation.NavigateTo(next is null ? "/" : $"c/{next.Name}");
        }
    }

    private async Task LoadOlderAsync() => Report(await Feed.LoadOlderAsync());

    private void OpenThread(MessageDto message) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("thread", message.Id));

    private void CloseThread() => Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("thread", (Guid?)null));

    private void StartEditing(MessageDto message) => _editingMessageId = message.Id;

    private void CancelEditing() => _editingMessageId = null;

    /// <summary>Up arrow in an empty composer edits the viewer's newest message, as in Slack.</summary>
    private void EditLastOwnMessage() =>
        _editingMessageId = Feed.Messages.LastOrDefault(m => m.SenderId == _viewer.UserId && !m.IsDeleted)?.Id;

    private async Task SaveEditAsync((MessageDto Message, string Text) edit)
    {
        var edited = await EditMessage.HandleAsync(new EditMessage(edit.Message.Id, edit.Text));
        if (Report(edited))
        {
            _editingMessageId = null;
        }
    }

    private async Task DeleteAsync(MessageDto message)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete message", "Delete this message for everyone? This cannot be undone.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true)
        {
            Report(await DeleteMessage.HandleAsync(new DeleteMessage(message.Id)));
        }
    }

    private bool Report(Result result)
    {
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error!.Message, Severity.Error);
        }

        return result.Succeeded;
    }
}
