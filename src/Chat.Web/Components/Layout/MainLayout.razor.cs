using Chat.Application.Presence;
using Chat.Application.Presence.WatchPresence;
using Chat.Application.Profile.GetProfile;
using Chat.Application.Profile.SetDoNotDisturb;
using Chat.Application.Profile.SetThemePreference;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Chat.Web.Components.Layout;

public partial class MainLayout : IAsyncDisposable
{
    private DotNetObjectReference<MainLayout>? _self;
    private IJSObjectReference? _module;
    private IDisposable? _ownPresence;
    private PresenceStatus _ownStatus = PresenceStatus.Online;
    private ProfileDto? _profile;
    private bool _isDarkMode;
    // Unknown until the browser tells the width: open on wide screens, closed on phones.
    private bool? _drawerOpen;

    // Marks the page as interactive once the circuit runs: prerendered buttons are inert until then,
    // and browser tests wait for this before clicking.
    private Dictionary<string, object> _readyAttribute = [];

    [Inject]
    private PageMode PageMode { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private GetProfileHandler GetProfile { get; set; } = default!;

    [Inject]
    private SetThemePreferenceHandler SetThemePreference { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ViewerClock ViewerClock { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private PresenceCircuit Presence { get; set; } = default!;

    [Inject]
    private WatchPresenceHandler WatchPresence { get; set; } = default!;

    [Inject]
    private SetDoNotDisturbHandler SetDoNotDisturb { get; set; } = default!;

    [Inject]
    private MalwareNotices MalwareNotices { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var profile = await GetProfile.HandleAsync(new GetProfile());
        _profile = profile.Succeeded ? profile.Value : null;
        _isDarkMode = _profile?.Theme == ThemePreference.Dark;
        if (_profile is not null)
        {
            var watch = await WatchPresence.HandleAsync(new WatchPresence([_profile.UserId], OnOwnPresenceChangedAsync));
            if (watch.Succeeded)
            {
                _ownPresence = watch.Value.Subscription;
                _ownStatus = watch.Value.Statuses[_profile.UserId];
            }
        }
    }

    /// <summary>Called from the browser, at most once a minute, while the user is doing something in the page.</summary>
    [JSInvokable]
    public void ReportActivity() => Presence.Active();

    public async ValueTask DisposeAsync()
    {
        _ownPresence?.Dispose();
        _self?.Dispose();
        await _module.DisposeQuietlyAsync();
    }

    // Another tab may turn do-not-disturb on or off; every tab's menu follows.
    private Task OnOwnPresenceChangedAsync(string userId, PresenceStatus status) => InvokeAsync(() =>
    {
        _ownStatus = status;
        StateHasChanged();
    });

    private async Task ToggleDoNotDisturbAsync()
    {
        var set = await SetDoNotDisturb.HandleAsync(new SetDoNotDisturb(_ownStatus != PresenceStatus.DoNotDisturb));
        if (!set.Succeeded)
        {
            Snackbar.Add(set.Error!.Message, Severity.Error);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        await MalwareNotices.StartAsync(InvokeAsync);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Layout/MainLayout.razor.js");
        _drawerOpen ??= await _module.InvokeAsync<bool?>("isWide") ?? true;

        // A user who never chose a theme gets the browser's preference, which only JS can tell.
        if (_profile?.Theme == ThemePreference.System)
        {
            _isDarkMode = await _module.InvokeAsync<bool>("prefersDark");
        }

        ViewerClock.Use(await _module.InvokeAsync<string>("timeZone"));
        _self = DotNetObjectReference.Create(this);
        await _module.InvokeVoidAsync("reportActivity", _self);

        _readyAttribute = new Dictionary<string, object> { ["data-interactive"] = "true" };
        StateHasChanged();
    }

    private void ToggleDrawer() => _drawerOpen = _drawerOpen != true;

    private string LayoutClass => _drawerOpen == true
        ? "mud-layout mud-drawer-open-responsive-md-left mud-drawer-left-clipped-always"
        : "mud-layout mud-drawer-close-responsive-md-left mud-drawer-left-clipped-always";

    private string DrawerClass => "mud-drawer mud-drawer-fixed mud-drawer-pos-left mud-drawer-md mud-drawer-clipped-always mud-elevation-1 mud-drawer-responsive "
        + _drawerOpen switch
        {
            true => "mud-drawer--open",
            false => "mud-drawer--closed",
            null => "mud-drawer--closed mud-drawer--initial",
        };

    // The account pages are static (they set cookies): their chrome works without a circuit (shell.js, forms, a
    // details menu). Interactive pages being prerendered get the interactive chrome.
    private bool IsStatic => PageMode.IsStatic;
    private const string ThemeToggleClass = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon";

    private string ThemeToggleLabel => _isDarkMode ? "Switch to light theme" : "Switch to dark theme";

    private Task ToggleThemeAsync() => SetDarkModeAsync(!_isDarkMode);

    // Saved first, then shown: a page reloaded as soon as it turned dark stays dark, and a choice that could not be
    // saved is not shown as made.
    private async Task SetDarkModeAsync(bool isDarkMode)
    {
        var theme = isDarkMode ? ThemePreference.Dark : ThemePreference.Light;
        var saved = await SetThemePreference.HandleAsync(new SetThemePreference(theme));
        if (!saved.Succeeded)
        {
            Snackbar.Add(saved.Error!.Message, Severity.Error);
            return;
        }

        _isDarkMode = isDarkMode;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("useTheme", ThemeStyles.AttributeFor(theme));
        }
    }
}
