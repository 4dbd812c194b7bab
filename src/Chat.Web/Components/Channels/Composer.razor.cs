using Chat.Application.Messages.SendMessage;
using Chat.Application.Messages.StartTyping;
using Chat.Application.Messages.SuggestMentions;
using Chat.Domain.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace Chat.Web.Components.Channels;

public partial class Composer : IAsyncDisposable
{
    private readonly Dictionary<string, PendingUploads> _uploads = [];
    private DotNetObjectReference<Composer>? _self;
    private ElementReference _form;
    private ElementReference _input;
    private ElementReference _suggestions;
    private IJSObjectReference? _module;

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

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    // The thread's composer sits beside the channel's, so its elements need other ids.
    private string IdPrefix => ThreadRootId is null ? "composer" : "thread-composer";

    private string Placeholder =>
        !CanPost ? "This channel is archived" : ThreadRootId is null ? $"Message {ChannelName}" : "Reply…";

    /// <summary>What drafts, waiting messages and uploads belong to: the channel, or one thread of it.</summary>
    private string Conversation => ConversationOf(ChannelId, ThreadRootId);

    private static string ConversationOf(Guid channelId, Guid? threadRootId) =>
        threadRootId is { } root ? $"{channelId:N}/{root:N}" : channelId.ToString("N");

    // The uploads of the conversation shown; none is made just to be looked at.
    private IReadOnlyList<PendingUpload> ShownUploads =>
        _uploads.TryGetValue(Conversation, out var uploads) ? uploads.All : [];

    private void RemoveUpload(string localId) => UploadsOf(Conversation).Remove(localId);

    private PendingUploads UploadsOf(string conversation)
    {
        if (!_uploads.TryGetValue(conversation, out var uploads))
        {
            _uploads[conversation] = uploads = new PendingUploads();
        }

        return uploads;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Channels/Composer.razor.js");
            _self = DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync(
                "attach", _form, _input, _suggestions, _self, ThreadRootId is null, Antiforgery.GetAntiforgeryToken()?.Value);
        }
    }

    /// <summary>
    /// Called from the browser's outbox for each message written, until it is stored: with the conversation it was
    /// written in (the composer may show another one by then) and its client message id, so a resend never duplicates.
    /// </summary>
    [JSInvokable]
    public async Task<SendAnswer> SendAsync(Guid channelId, Guid? threadRootId, Guid clientMessageId, string text, bool alsoToChannel)
    {
        var uploads = UploadsOf(ConversationOf(channelId, threadRootId));
        if (uploads.InProgress)
        {
            return SendAnswer.TryLater;
        }

        var fileIds = uploads.FileIds;
        var sent = await SendMessage.HandleAsync(new SendMessage(channelId, clientMessageId, text, threadRootId, alsoToChannel, fileIds));
        if (!sent.Succeeded)
        {
            return sent.Error!.Kind == ErrorKind.RateLimited ? SendAnswer.TryLater : SendAnswer.Refused(sent.Error.Message);
        }

        uploads.Sent(fileIds);
        StateHasChanged();
        return SendAnswer.Accepted;
    }

    /// <summary>Called from the browser, at most every three seconds while the user types.</summary>
    [JSInvokable]
    public Task TypingAsync() => StartTyping.HandleAsync(new StartTyping(ChannelId));

    /// <summary>Called from the browser with what follows an @ being typed; answers people to offer.</summary>
    [JSInvokable]
    public async Task<IReadOnlyList<MentionSuggestion>> SuggestMentionsAsync(string query)
    {
        var found = await SuggestMentions.HandleAsync(new SuggestMentions(ChannelId, query));
        return found.Succeeded ? found.Value : [];
    }

    /// <summary>Called from the browser as an upload to <paramref name="conversation"/> starts, moves on, finishes or fails.</summary>
    [JSInvokable]
    public void UploadStarted(string conversation, string localId, string name)
    {
        UploadsOf(conversation).Started(localId, name);
        StateHasChanged();
    }

    [JSInvokable]
    public void UploadProgressed(string conversation, string localId, int percent)
    {
        UploadsOf(conversation).Progressed(localId, percent);
        StateHasChanged();
    }

    [JSInvokable]
    public void UploadFinished(string conversation, string localId, Guid fileId)
    {
        UploadsOf(conversation).Finished(localId, fileId);
        StateHasChanged();
    }

    [JSInvokable]
    public void UploadFailed(string conversation, string localId, string error)
    {
        UploadsOf(conversation).Failed(localId, error);
        StateHasChanged();
    }

    /// <summary>Called from the browser when Up is pressed in the empty composer.</summary>
    [JSInvokable]
    public Task EditLastAsync() => OnEditLast.InvokeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("detach", _form);
            }
            catch (JSDisconnectedException)
            {
                // The page is gone, and the composer's script with it.
            }
        }

        _self?.Dispose();
        await _module.DisposeQuietlyAsync();
    }
}

/// <summary>What the browser's outbox hears back for one message.</summary>
/// <param name="Stored">The message is stored (now or by an earlier try).</param>
/// <param name="Retry">Not stored yet, but it will be: try again shortly (files still uploading, sending too fast).</param>
/// <param name="Error">Why it was refused; the text goes back to the person.</param>
public sealed record SendAnswer(bool Stored, bool Retry, string? Error)
{
    public static readonly SendAnswer Accepted = new(true, false, null);

    public static readonly SendAnswer TryLater = new(false, true, null);

    public static SendAnswer Refused(string error) => new(false, false, error);
}
