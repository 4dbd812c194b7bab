using Chat.Application.Search;
using Chat.Application.Search.GetSearchIndexStatus;
using Chat.Application.Search.RebuildSearchIndex;
using Chat.Domain.Common;
using Chat.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Admin;

/// <summary>The search index's state for administrators, with the rebuild action and its progress, refreshed while it runs.</summary>
public sealed partial class SearchIndexPage
{
    private readonly CancellationTokenSource _leaving = new();
    private SearchIndexStatus? _status;
    private string? _error;
    private bool _watching;

    [Inject]
    private GetSearchIndexStatusHandler GetStatus { get; set; } = default!;

    [Inject]
    private RebuildSearchIndexHandler Rebuild { get; set; } = default!;

    [Inject]
    private ViewerClock Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync() => Show(await GetStatus.HandleAsync(new GetSearchIndexStatus()));

    private async Task RebuildAsync()
    {
        Show(await Rebuild.HandleAsync(new RebuildSearchIndex()));
        if (!_watching && _status?.Rebuild is { IsUnderWay: true })
        {
            _watching = true;
            _ = WatchAsync();
        }
    }

    // Once a second while the rebuild runs; stops when it is over or the page is left.
    private async Task WatchAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(_leaving.Token))
            {
                var status = await GetStatus.HandleAsync(new GetSearchIndexStatus());
                await InvokeAsync(() =>
                {
                    Show(status);
                    StateHasChanged();
                });
                if (status.Value?.Rebuild is not { IsUnderWay: true })
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
        finally
        {
            _watching = false;
        }
    }

    private void Show(Result<SearchIndexStatus> status)
    {
        if (status.Succeeded)
        {
            (_status, _error) = (status.Value, null);
        }
        else
        {
            _error = status.Error!.Message;
        }
    }

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
    }
}
