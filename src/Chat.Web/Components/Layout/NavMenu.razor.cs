using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Layout;

public partial class NavMenu
{
    private IDisposable? _changes;

    [Inject]
    private Sidebar Sidebar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _changes = Sidebar.OnChanged(() => InvokeAsync(StateHasChanged));
        await Sidebar.LoadAsync();
    }

    public void Dispose() => _changes?.Dispose();
}
