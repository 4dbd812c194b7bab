using System.Globalization;
using Chat.Application.Channels;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Chat.Web.Components.Layout;

public partial class NavMenu
{
    private const string IconButtonClass = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small";

    private IDisposable? _changes;
    private string _path = string.Empty;
    private bool _isAdministrator;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Inject]
    private Sidebar Sidebar { get; set; } = default!;

    [Inject]
    private FollowedThreads FollowedThreads { get; set; } = default!;

    private IDisposable? _threadChanges;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _path = CurrentPath();
        Navigation.LocationChanged += OnLocationChanged;
        _changes = Sidebar.OnChanged(() => InvokeAsync(StateHasChanged));
        _threadChanges = FollowedThreads.OnChanged(() => InvokeAsync(StateHasChanged));
        if (Authentication is not null)
        {
            _isAdministrator = (await Authentication).User.IsInRole(WorkspaceRoles.WorkspaceAdmin);
        }

        await Sidebar.LoadAsync();
        await FollowedThreads.LoadAsync();
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _changes?.Dispose();
        _threadChanges?.Dispose();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        _path = CurrentPath();
        InvokeAsync(StateHasChanged);
    }

    // The address without query or fragment, relative to the app's base: "", "threads", "c/general/m/42".
    private string CurrentPath()
    {
        var relative = Navigation.ToBaseRelativePath(Navigation.Uri);
        var end = relative.IndexOfAny(['?', '#']);
        return end < 0 ? relative : relative[..end];
    }

    // As NavLink matches: the exact address, or (by prefix) it and everything under it.
    private bool IsCurrent(string href, bool exact = false) =>
        string.Equals(_path, href, StringComparison.OrdinalIgnoreCase)
        || (!exact && _path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase));

    private string LinkClass(string href, bool exact = false) =>
        IsCurrent(href, exact) ? "mud-nav-link mud-ripple active" : "mud-nav-link mud-ripple";

    private string ConversationClass(ChannelSummary conversation) =>
        "sidebar-channel" + (conversation.Unread > 0 || conversation.Mentions > 0 ? " unread" : string.Empty)
        + (IsCurrent($"c/{conversation.Name}") ? " active" : string.Empty);

    // The same count the Threads page shows: new replies in followed threads.
    private RenderFragment? ThreadsBadge => FollowedThreads.UnreadReplies is > 0 and var unread
        ? builder =>
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "class", "sidebar-badge threads-badge");
            builder.AddAttribute(2, "aria-label", Plural.Of(unread, "new reply", "new replies"));
            builder.AddContent(3, unread > 99 ? "99+" : unread.ToString(CultureInfo.InvariantCulture));
            builder.CloseElement();
        }
        : null;

    private static RenderFragment? Badge(ChannelSummary conversation) => conversation switch
    {
        { Mentions: > 0 } => builder =>
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "class", "sidebar-badge sidebar-mentions");
            builder.AddAttribute(2, "aria-label", $"{conversation.Mentions} mentions");
            builder.AddContent(3, $"@{conversation.Mentions}");
            builder.CloseElement();
        },
        { Unread: > 0 } => builder =>
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "class", "sidebar-badge");
            builder.AddAttribute(2, "aria-label", $"{conversation.Unread} unread");
            builder.AddContent(3, conversation.Unread > 99 ? "99+" : conversation.Unread.ToString(CultureInfo.InvariantCulture));
            builder.CloseElement();
        },
        _ => null,
    };

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
