using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Chat.Web.Components.Channels;

public partial class MessageEditor : IAsyncDisposable
{
    private ElementReference _form;
    private ElementReference _input;
    private IJSObjectReference? _module;
    private DotNetObjectReference<MessageEditor>? _self;

    /// <summary>The text before editing. Required.</summary>
    [Parameter, EditorRequired]
    public string Original { get; set; } = string.Empty;

    /// <summary>Called with the new text; once it is saved the editor is closed by its owner.</summary>
    [Parameter]
    public EventCallback<string> OnSave { get; set; }

    /// <summary>Called when editing is abandoned.</summary>
    [Parameter]
    public EventCallback OnCancel { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Channels/Composer.razor.js");
            _self = DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync("editInPlace", _form, _input, _self);
        }
    }

    /// <summary>Called from the browser with the edited text.</summary>
    [JSInvokable]
    public Task SaveAsync(string text) => OnSave.InvokeAsync(text);

    /// <summary>Called from the browser on Esc or Cancel.</summary>
    [JSInvokable]
    public Task CancelAsync() => OnCancel.InvokeAsync();

    public async ValueTask DisposeAsync()
    {
        _self?.Dispose();
        await _module.DisposeQuietlyAsync();
    }
}
