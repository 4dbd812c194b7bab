using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Chat.Web.Components.Layout;

public partial class NavMenu
{
    private IDisposable? _changes;

    [Inject]
    private Sidebar Sidebar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _changes = Sidebar.OnChanged(() => InvokeAsync(StateHasChanged));
        await Sidebar.LoadAsync();
    }

    public void Dispose() => _changes?.Dispose();

    private Task CreateChannelAsync() => OpenDialogAsync<Channels.CreateChannelDialog>("Create a channel");

    private Task OpenDirectMessageAsync() => OpenDialogAsync<Channels.PeoplePickerDialog>("Message someone");

    /// <summary>Shows a dialog that answers with a conversation's name, then opens that conversation.</summary>
    private async Task OpenDialogAsync<TDialog>(string title)
        where TDialog : ComponentBase
    {
        var dialog = await Dialogs.ShowAsync<TDialog>(title);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string name })
        {
            await Sidebar.RefreshAsync();
            Navigation.NavigateTo($"c/{name}");
        }
    }
}
