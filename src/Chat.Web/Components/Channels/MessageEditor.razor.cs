using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace Chat.Web.Components.Channels;

public partial class MessageEditor : IAsyncDisposable
{
    private ElementReference _form;
    private ElementReference _input;
    private IJSObjectReference? _module;
    private string _text = string.Empty;

    /// <summary>The text before editing. Required.</summary>
    [Parameter, EditorRequired]
    public string Original { get; set; } = string.Empty;

    /// <summary>Called with the new text.</summary>
    [Parameter]
    public EventCallback<string> OnSave { get; set; }

    /// <summary>Called when editing is abandoned.</summary>
    [Parameter]
    public EventCallback OnCancel { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override void OnInitialized() => _text = Original;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Channels/Composer.razor.js");
            await _module.InvokeVoidAsync("sendOnEnter", _input, _form);
            await _input.FocusAsync();
        }
    }

    private Task SaveAsync() => OnSave.InvokeAsync(_text);

    private Task OnKeyDownAsync(KeyboardEventArgs e) => e.Key == "Escape" ? OnCancel.InvokeAsync() : Task.CompletedTask;

    public ValueTask DisposeAsync() => _module.DisposeQuietlyAsync();
}
