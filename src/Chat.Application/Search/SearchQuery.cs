namespace Chat.Application.Search;

/// <summary>A search as the searcher typed it, taken apart: what to match and which filters narrow it.</summary>
public sealed record SearchQuery
{
    /// <summary>Words every hit contains (stemmed: "deploying" finds "deployed"; identifiers match whole too).</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>Exact phrases every hit contains.</summary>
    public IReadOnlyList<string> Phrases { get; init; } = [];

    /// <summary>Word beginnings (typed as <c>deploy*</c>) every hit contains a word starting with.</summary>
    public IReadOnlyList<string> Prefixes { get; init; } = [];

    /// <summary>Words or phrases no hit contains.</summary>
    public IReadOnlyList<string> Excluded { get; init; } = [];

    /// <summary>Handles after <c>from:@</c>, lowercase without the @.</summary>
    public IReadOnlyList<string> FromHandles { get; init; } = [];

    /// <summary>Channel names after <c>in:#</c>, lowercase without the #.</summary>
    public IReadOnlyList<string> InChannels { get; init; } = [];

    /// <summary>Handles after <c>in:@</c>: the direct message with that person and the group messages they are in.</summary>
    public IReadOnlyList<string> InDirectWith { get; init; } = [];

    /// <summary>Only messages from this day on (inclusive), a day of the searcher's calendar.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only messages before this day (exclusive), a day of the searcher's calendar.</summary>
    public DateOnly? Until { get; init; }

    public IReadOnlySet<SearchFlag> Flags { get; init; } = new HashSet<SearchFlag>();

    /// <summary>What was read differently from how it was typed, to show the searcher.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    public bool HasText => Words.Count + Phrases.Count + Prefixes.Count > 0;
}

/// <summary>The <c>has:</c> and <c>is:</c> filters.</summary>
public enum SearchFlag
{
    HasFile,
    HasLink,
    HasImage,
    IsThread,
    IsPinned,
}
