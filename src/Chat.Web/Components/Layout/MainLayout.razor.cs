using Chat.Application.Profile.GetProfile;
using Chat.Application.Profile.SetThemePreference;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Chat.Web.Components.Layout;

public partial class MainLayout
{
    private MudThemeProvider? _themeProvider;
    private ProfileDto? _profile;
    private bool _isDarkMode;
    private bool _drawerOpen = true;

    // Marks the page as interactive once the circuit runs: prerendered buttons are inert until then,
    // and browser tests wait for this before clicking.
    private Dictionary<string, object> _readyAttribute = [];

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

    protected override async Task OnInitializedAsync()
    {
        var profile = await GetProfile.HandleAsync(new GetProfile());
        _profile = profile.Succeeded ? profile.Value : null;
        _isDarkMode = _profile?.Theme == ThemePreference.Dark;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // A user who never chose a theme gets the browser's preference, which only JS can tell.
        if (_profile?.Theme == ThemePreference.System && _themeProvider is not null)
        {
            _isDarkMode = await _themeProvider.GetSystemDarkModeAsync();
        }

        await using (var module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Layout/MainLayout.razor.js"))
        {
            ViewerClock.Use(await module.InvokeAsync<string>("timeZone"));
        }

        _readyAttribute = new Dictionary<string, object> { ["data-interactive"] = "true" };
        StateHasChanged();
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task SetDarkModeAsync(bool isDarkMode)
    {
        _isDarkMode = isDarkMode;
        var theme = isDarkMode ? ThemePreference.Dark : ThemePreference.Light;
        var saved = await SetThemePreference.HandleAsync(new SetThemePreference(theme));
        if (!saved.Succeeded)
        {
            Snackbar.Add(saved.Error!.Message, Severity.Error);
        }
    }
}
