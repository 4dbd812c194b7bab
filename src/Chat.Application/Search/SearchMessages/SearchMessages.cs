using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Messages;
using Chat.Application.People;
using Chat.Domain.Channels;
using Chat.Domain.Common;

namespace Chat.Application.Search.SearchMessages;

/// <param name="Page">From 1.</param>
/// <param name="TimeZone">Where the searcher is: the days of before:, on: and the like are their days. UTC when null.</param>
public sealed record SearchMessages(string Query, SearchSort Sort = SearchSort.Relevance, int Page = 1, TimeZoneInfo? TimeZone = null);

/// <param name="Total">Messages that matched in all.</param>
/// <param name="Notices">How parts of the search were read, when not as typed.</param>
/// <param name="TimedOut">The search took too long; these are the results found until then.</param>
public sealed record SearchResults(
    IReadOnlyList<SearchResult> Results, int Total, int Page, bool HasMore, IReadOnlyList<string> Notices, bool TimedOut);

/// <param name="ChannelTitle">"#name", or the other people of a direct message.</param>
/// <param name="ChannelName">For the link to the message: <c>/c/{ChannelName}/m/{sequence}</c>.</param>
public sealed record SearchResult(MessageDto Message, string ChannelName, string ChannelTitle, IReadOnlyList<SnippetPart> Snippet);

/// <summary>
/// Full-text search over the messages the searcher may read: public channels and the conversations they are in. The
/// index only ever looks in those channels, and every hit is checked again against the database before it is shown
/// (deleted, edited since, or its channel no longer readable: left out).
/// </summary>
public sealed class SearchMessagesHandler(
    ICurrentActor currentActor, IChannelStore channels, IUserDirectory people, IMessageStore messages, ISearchIndex index)
    : IUseCase<SearchMessages, SearchResults>
{
    public const int PageSize = 20;

    /// <summary>The last page anyone is shown: 10,000 hits deep (a search is narrowed long before).</summary>
    public const int MaxPage = 500;

    public async Task<Result<SearchResults>> HandleAsync(SearchMessages request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        if (request.Page is < 1 or > MaxPage)
        {
            return Error.Invalid("search.page", $"Ask for a result page between 1 and {MaxPage}.");
        }

        var parsed = SearchQueryParser.Parse(request.Query);
        if (!parsed.Succeeded)
        {
            return parsed.Error!;
        }

        var query = parsed.Value;
        var readable = await channels.ListReadableAsync(userId.Value, cancellationToken);
        var scope = await ScopeAsync(query, readable, cancellationToken);
        if (!scope.Succeeded)
        {
            return scope.Error!;
        }

        var senders = await SendersAsync(query, cancellationToken);
        if (!senders.Succeeded)
        {
            return senders.Error!;
        }

        var page = request.Page;
        var found = await index.SearchAsync(
            new SearchCriteria(query, scope.Value, senders.Value, request.Sort, (page - 1) * PageSize, PageSize)
            {
                SentFrom = StartOf(query.From, request.TimeZone ?? TimeZoneInfo.Utc),
                SentBefore = StartOf(query.Until, request.TimeZone ?? TimeZoneInfo.Utc),
            },
            cancellationToken);
        var current = (await messages.ListByIdsAsync([.. found.Hits.Select(h => h.MessageId)], cancellationToken))
            .ToDictionary(m => m.Id);
        var results = new List<SearchResult>();
        foreach (var hit in found.Hits)
        {
            if (current.TryGetValue(hit.MessageId, out var message) && !message.IsDeleted && message.Version == hit.Version
                && readable.TryGetValue(message.ChannelId, out var channel))
            {
                results.Add(new SearchResult(
                    message, channel.Name, channel.Kind is ChannelKind.Direct or ChannelKind.Group ? channel.Title : $"#{channel.Name}", hit.Snippet));
            }
        }

        return new SearchResults(results, found.Total, page, found.Total > page * PageSize, query.Notices, found.TimedOut);
    }

    /// <summary>When a day begins in a time zone (an hour later where the clocks skip midnight).</summary>
    private static DateTimeOffset? StartOf(DateOnly? day, TimeZoneInfo zone)
    {
        if (day is not { } d)
        {
            return null;
        }

        var midnight = d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>The channels to look in: all readable ones, or those named by in: — never one the user cannot read.</summary>
    private async Task<Result<IReadOnlyCollection<Guid>>> ScopeAsync(
        SearchQuery query, Dictionary<Guid, ReadableConversation> readable,
        CancellationToken cancellationToken)
    {
        if (query.InChannels.Count == 0 && query.InDirectWith.Count == 0)
        {
            return readable.Keys;
        }

        var scope = new HashSet<Guid>();
        foreach (var name in query.InChannels)
        {
            var channel = readable.FirstOrDefault(c => c.Value.Kind is ChannelKind.Public or ChannelKind.Private && c.Value.Name == name);
            if (channel.Key == Guid.Empty)
            {
                return Error.Invalid("search.unknown_channel", $"You have no channel called #{name} to search in.");
            }

            scope.Add(channel.Key);
        }

        var found = query.InDirectWith.Count == 0 ? [] : await people.FindByHandlesAsync(query.InDirectWith, cancellationToken);
        foreach (var handle in query.InDirectWith)
        {
            // The direct message with that person and every group message they are in.
            var person = found.FirstOrDefault(p => string.Equals(p.Handle, handle, StringComparison.OrdinalIgnoreCase));
            var conversations = person is null
                ? []
                : readable.Where(c => c.Value.Kind is ChannelKind.Direct or ChannelKind.Group && c.Value.PeerIds.Contains(person.Id))
                    .Select(c => c.Key).ToList();
            if (conversations.Count == 0)
            {
                return Error.Invalid("search.unknown_conversation", $"You have no direct or group messages with @{handle} to search in.");
            }

            scope.UnionWith(conversations);
        }

        return scope;
    }

    private async Task<Result<IReadOnlyCollection<string>>> SendersAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        if (query.FromHandles.Count == 0)
        {
            return Array.Empty<string>();
        }

        var found = await people.FindByHandlesAsync(query.FromHandles, cancellationToken);
        var unknown = query.FromHandles.Except(found.Select(p => p.Handle), StringComparer.OrdinalIgnoreCase).ToList();
        return unknown.Count > 0
            ? Error.Invalid("search.unknown_person", $"No one is called @{unknown[0]}. Type from:@ and pick a name.")
            : found.Select(p => p.Id).ToArray();
    }
}
