using Chat.Application.Search;
using Chat.Application.Search.SearchMessages;
using Chat.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Search;

/// <summary>The results of a search typed in the app bar, read from the address so results can be linked and reloaded.</summary>
public sealed partial class SearchPage : IDisposable
{
    private SearchResults? _results;
    private string? _error;

    [SupplyParameterFromQuery]
    public string? Q { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? SortName { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    [Inject]
    private SearchMessagesHandler SearchMessages { get; set; } = default!;

    [Inject]
    private ViewerClock Clock { get; set; } = default!;

    private SearchSort Sort => SortName == "newest" ? SearchSort.Newest : SearchSort.Relevance;

    protected override void OnInitialized() => Clock.ZoneChanged += OnZoneChanged;

    protected override Task OnParametersSetAsync() => SearchAsync();

    // Days in the search are the viewer's: once their browser tells where they are, the search is run again.
    private void OnZoneChanged() => _ = InvokeAsync(async () =>
    {
        try
        {
            await SearchAsync();
            StateHasChanged();
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    });

    private async Task SearchAsync()
    {
        (_results, _error) = (null, null);
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        var searched = await SearchMessages.HandleAsync(new SearchMessages(Q, Sort, PageNumber ?? 1, Clock.Zone));
        if (searched.Succeeded)
        {
            _results = searched.Value;
        }
        else
        {
            _error = searched.Error!.Message;
        }
    }

    public void Dispose() => Clock.ZoneChanged -= OnZoneChanged;

    private static string Link(string? query, SearchSort sort, int page) =>
        $"search?q={Uri.EscapeDataString(query ?? string.Empty)}"
        + (sort == SearchSort.Newest ? "&sort=newest" : string.Empty)
        + (page > 1 ? $"&page={page}" : string.Empty);
}
