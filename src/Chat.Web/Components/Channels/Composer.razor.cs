using Chat.Application.Messages.SendMessage;
using Chat.Application.Messages.StartTyping;
using Chat.Application.Messages.SuggestMentions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace Chat.Web.Components.Channels;

public partial class Composer : IAsyncDisposable
{
    private DotNetObjectReference<Composer>? _self;
    private ElementReference _form;
    private ElementReference _input;
    private ElementReference _suggestions;
    private ElementReference _files;
    private ElementReference _attach;
    private readonly PendingUploads _uploads = new();
    private bool _alsoSendToChannel;
    private IJSObjectReference? _module;
    private string _text = string.Empty;
    private string? _error;
    private bool _sending;

    // One id per message being written, kept across retries so a resend never duplicates it.
    private Guid _clientMessageId = Guid.NewGuid();

    /// <summary>The channel messages go to. Required.</summary>
    [Parameter, EditorRequired]
    public Guid ChannelId { get; set; }

    /// <summary>The conversation's title ("#name" or people), for the placeholder. Default empty.</summary>
    [Parameter]
    public string ChannelName { get; set; } = string.Empty;

    /// <summary>Whether the user may post here (false for archived channels). Default true.</summary>
    [Parameter]
    public bool CanPost { get; set; } = true;

    /// <summary>The thread replies go to; null posts to the channel. Default null.</summary>
    [Parameter]
    public Guid? ThreadRootId { get; set; }

    /// <summary>Called when the user presses Up in the empty composer, to edit their last message.</summary>
    [Parameter]
    public EventCallback OnEditLast { get; set; }

    [Inject]
    private SendMessageHandler SendMessage { get; set; } = default!;

    [Inject]
    private StartTypingHandler StartTyping { get; set; } = default!;

    [Inject]
    private SuggestMentionsHandler SuggestMentions { get; set; } = default!;

    [Inject]
    private AntiforgeryStateProvider Antiforgery { get; set; } = default!;

    // The thread's composer sits beside the channel's, so its elements need other ids.
    private string IdPrefix => ThreadRootId is null ? "composer" : "thread-composer";

    private string Placeholder =>
        !CanPost ? "This channel is archived" : ThreadRootId is null ? $"Message {ChannelName}" : "Reply…";

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private DateTimeOffset _typingSignalledAt = DateTimeOffset.MinValue;

    // Typing is signalled at most every three seconds: ephemeral, and cheap for everyone watching.
    private string Text
    {
        get => _text;
        set
        {
            _text = value;
            var now = Clock.GetUtcNow();
            if (value.Length > 0 && now - _typingSignalledAt > TimeSpan.FromSeconds(3))
            {
                _typingSignalledAt = now;
                _ = SignalTypingAsync();
            }
        }
    }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Channels/Composer.razor.js");
            _self = DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync("attach", _form, _input, _suggestions, _self, ThreadRootId is null);
            await _module.InvokeVoidAsync(
                "uploadFiles", _form, _files, _attach, _self, ChannelId.ToString(), Antiforgery.GetAntiforgeryToken()?.Value);
        }
    }

    private async Task SendAsync()
    {
        if (_sending)
        {
            return;
        }

        _sending = true;
        try
        {
            if (_uploads.InProgress)
            {
                _error = "Wait until the files have finished uploading.";
                return;
            }

            var sent = await SendMessage.HandleAsync(
                new SendMessage(ChannelId, _clientMessageId, _text, ThreadRootId, _alsoSendToChannel, _uploads.FileIds));
            if (sent.Succeeded)
            {
                (_text, _error, _clientMessageId, _typingSignalledAt) = (string.Empty, null, Guid.NewGuid(), DateTimeOffset.MinValue);
                _alsoSendToChannel = false;
                _uploads.Sent();
            }
            else
            {
                _error = sent.Error!.Message;
            }
        }
        finally
        {
            _sending = false;
        }
    }

    private async Task SignalTypingAsync()
    {
        try
        {
            await StartTyping.HandleAsync(new StartTyping(ChannelId));
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    }

    /// <summary>Called from the browser with what follows an @ being typed; answers people to offer.</summary>
    [JSInvokable]
    public async Task<IReadOnlyList<MentionSuggestion>> SuggestMentionsAsync(string query)
    {
        var found = await SuggestMentions.HandleAsync(new SuggestMentions(ChannelId, query));
        return found.Succeeded ? found.Value : [];
    }

    /// <summary>Called from the browser as an upload starts, moves on, finishes or fails.</summary>
    [JSInvokable]
    public void UploadStarted(string localId, string name)
    {
        _uploads.Started(localId, name);
        StateHasChanged();
    }

    [JSInvokable]
    public void UploadProgressed(string localId, int percent)
    {
        _uploads.Progressed(localId, percent);
        StateHasChanged();
    }

    [JSInvokable]
    public void UploadFinished(string localId, Guid fileId)
    {
        _uploads.Finished(localId, fileId);
        StateHasChanged();
    }

    [JSInvokable]
    public void UploadFailed(string localId, string error)
    {
        _uploads.Failed(localId, error);
        StateHasChanged();
    }

    /// <summary>Called from the browser when Up is pressed in the empty composer.</summary>
    [JSInvokable]
    public Task EditLastAsync() => OnEditLast.InvokeAsync();

    public async ValueTask DisposeAsync()
    {
        _self?.Dispose();
        await _module.DisposeQuietlyAsync();
    }
}
