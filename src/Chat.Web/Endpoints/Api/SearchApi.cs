using Chat.Application.Search;
using Chat.Application.Search.SearchMessages;

namespace Chat.Web.Endpoints.Api;

internal static class SearchApi
{
    public static void MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", (HttpContext context, string q, string? sort, int? page, string? timeZone, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<SearchMessagesHandler, SearchResults>(context, h => h.HandleAsync(
                new SearchMessages(
                    q, sort == "newest" ? SearchSort.Newest : SearchSort.Relevance, page ?? 1,
                    timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : null),
                cancellationToken)))
            .WithTags("Search")
            .WithSummary("Searches the messages the caller may read, in the query language of the search box");
    }
}
