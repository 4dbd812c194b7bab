using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.People;
using Chat.Domain.Common;

namespace Chat.Application.Search.SuggestSearchValues;

/// <param name="Query">The search as typed so far; its last word is completed when it is a from: or in: filter.</param>
public sealed record SuggestSearchValues(string Query);

/// <param name="Query">The whole search with its last word completed.</param>
/// <param name="Label">What the suggestion shows, e.g. "Alice Admin (@alice)".</param>
public sealed record SearchSuggestion(string Query, string Label);

/// <summary>
/// Completes <c>from:@</c> and <c>in:@</c> with people, and <c>in:#</c> with the channels the searcher may read (never a
/// private channel they are not in).
/// </summary>
public sealed class SuggestSearchValuesHandler(ICurrentActor currentActor, IChannelStore channels, IUserDirectory people)
    : IUseCase<SuggestSearchValues, IReadOnlyList<SearchSuggestion>>
{
    public const int Limit = 8;

    public async Task<Result<IReadOnlyList<SearchSuggestion>>> HandleAsync(SuggestSearchValues request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var query = request.Query ?? string.Empty;
        if (query.Length > SearchQueryParser.MaxLength || query.EndsWith(' '))
        {
            return Array.Empty<SearchSuggestion>();
        }

        var cut = query.LastIndexOf(' ') + 1;
        var (before, last) = (query[..cut], query[cut..]);
        if (last.StartsWith("from:", StringComparison.OrdinalIgnoreCase) || last.StartsWith("in:@", StringComparison.OrdinalIgnoreCase))
        {
            var filter = last[..(last.IndexOf(':') + 1)].ToLowerInvariant();
            var typed = last[filter.Length..].TrimStart('@');
            var found = await people.SearchAsync(typed, Limit, cancellationToken);
            return found.Select(p => new SearchSuggestion($"{before}{filter}@{p.Handle} ", $"{p.DisplayName} (@{p.Handle})")).ToList();
        }

        if (last.StartsWith("in:", StringComparison.OrdinalIgnoreCase))
        {
            var typed = last[3..].TrimStart('#').ToLowerInvariant();
            var readable = (await channels.ListReadableAsync(userId.Value, cancellationToken)).Values
                .Where(c => c.Kind is Domain.Channels.ChannelKind.Public or Domain.Channels.ChannelKind.Private).Select(c => c.Name);
            return readable.Distinct().Where(name => name.Contains(typed, StringComparison.Ordinal))
                .OrderBy(name => !name.StartsWith(typed, StringComparison.Ordinal)).ThenBy(name => name).Take(Limit)
                .Select(name => new SearchSuggestion($"{before}in:#{name} ", $"#{name}")).ToList();
        }

        return Array.Empty<SearchSuggestion>();
    }
}
