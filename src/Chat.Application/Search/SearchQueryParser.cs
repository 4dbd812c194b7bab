using System.Globalization;
using Chat.Domain.Common;

namespace Chat.Application.Search;

/// <summary>
/// Reads the search language: words, <c>"phrases"</c>, <c>prefix*</c>, <c>-excluded</c> and the filters
/// <c>from: in: before: after: on: during: has: is:</c>. Mistakes that have an obvious reading (an unclosed quote, a
/// lone <c>*</c>, an unknown filter) are read that way with a notice; those without one (a bad date) are refused.
/// </summary>
public static class SearchQueryParser
{
    public const int MaxLength = 1000;

    private const string Filters = "from:, in:, before:, after:, on:, during:, has:, is:";

    public static Result<SearchQuery> Parse(string? text)
    {
        text = text?.Trim() ?? string.Empty;
        if (text.Length > MaxLength)
        {
            return Error.Invalid("search.too_long", $"Searches can be at most {MaxLength} characters long.");
        }

        var builder = new Builder();
        foreach (var (token, quoted, closed) in Tokenize(text))
        {
            var read = quoted ? builder.Phrase(token, closed) : builder.Term(token);
            if (!read.Succeeded)
            {
                return read.Error!;
            }
        }

        var query = builder.Build();
        return query.HasText || query.FromHandles.Count + query.InChannels.Count + query.InDirectWith.Count > 0
               || query.From is not null || query.Until is not null || query.Flags.Count > 0
            ? query
            : Error.Invalid("search.empty", "Type a word to search for, or a filter such as from:@name or in:#channel.");
    }

    /// <summary>Whitespace-separated terms; a quote runs to the next quote (or the end) as one phrase, kept with a leading -.</summary>
    private static IEnumerable<(string Token, bool Quoted, bool Closed)> Tokenize(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = text[i] == '-' && i + 1 < text.Length && text[i + 1] == '"';
            var start = negated ? i + 1 : i;
            if (text[start] == '"')
            {
                var end = text.IndexOf('"', start + 1);
                var phrase = end < 0 ? text[(start + 1)..] : text[(start + 1)..end];
                yield return ((negated ? "-" : string.Empty) + phrase, true, end >= 0);
                i = end < 0 ? text.Length : end + 1;
                continue;
            }

            var stop = i;
            while (stop < text.Length && !char.IsWhiteSpace(text[stop]))
            {
                stop++;
            }

            yield return (text[i..stop], false, true);
            i = stop;
        }
    }

    private sealed class Builder
    {
        private readonly List<string> _words = [];
        private readonly List<string> _phrases = [];
        private readonly List<string> _prefixes = [];
        private readonly List<string> _excluded = [];
        private readonly List<string> _from = [];
        private readonly List<string> _in = [];
        private readonly List<string> _inDirect = [];
        private readonly HashSet<SearchFlag> _flags = [];
        private readonly List<string> _notices = [];
        private DateOnly? _since;
        private DateOnly? _until;

        public Result Phrase(string phrase, bool closed)
        {
            if (!closed)
            {
                _notices.Add("A quote was not closed: the rest of the search was read as one phrase.");
            }

            var negated = phrase.StartsWith('-');
            var text = (negated ? phrase[1..] : phrase).Trim();
            if (text.Length > 0)
            {
                (negated ? _excluded : _phrases).Add(text);
            }

            return Result.Success();
        }

        public Result Term(string token)
        {
            var colon = token.IndexOf(':');
            if (colon > 0 && token[..colon].All(char.IsAsciiLetter))
            {
                var name = token[..colon].ToLowerInvariant();
                var value = token[(colon + 1)..];
                var filtered = Filter(name, value);
                if (filtered is not null)
                {
                    return filtered;
                }

                if (value.Length > 0 && !value.StartsWith("//", StringComparison.Ordinal))
                {
                    _notices.Add($"{name}: is not a filter, so \"{token}\" was searched as text. Filters: {Filters}.");
                }
            }

            if (token.StartsWith('-') && token.Length > 1)
            {
                _excluded.Add(token[1..]);
            }
            else if (token.EndsWith('*'))
            {
                var stem = token.TrimEnd('*');
                if (stem.Count(char.IsLetterOrDigit) < 2)
                {
                    _notices.Add($"\"{token}\" is too short to search by its beginning, so it was left out.");
                }
                else
                {
                    _prefixes.Add(stem);
                }
            }
            else if (token.Any(char.IsLetterOrDigit))
            {
                _words.Add(token);
            }

            return Result.Success();
        }

        /// <summary>Reads a known filter; null when <paramref name="name"/> is not one.</summary>
        private Result? Filter(string name, string value)
        {
            switch (name)
            {
                case "from":
                    return Handle(value, '@', _from, "from: needs a person, like from:@alice.");
                case "in" when value.StartsWith('@'):
                    return Handle(value, '@', _inDirect, "in:@ needs a person, like in:@alice.");
                case "in":
                    return Handle(value, '#', _in, "in: needs a channel, like in:#general, or a person, like in:@alice.");
                case "before":
                    return Day(name, value, day => _until = Earlier(_until, day));
                case "after":
                    return Day(name, value, day => _since = Later(_since, day.AddDays(1)));
                case "on":
                    return Day(name, value, day => (_since, _until) = (Later(_since, day), Earlier(_until, day.AddDays(1))));
                case "during":
                    return During(value);
                case "has":
                    return Flag(value, "has", ("file", SearchFlag.HasFile), ("link", SearchFlag.HasLink), ("image", SearchFlag.HasImage));
                case "is":
                    return Flag(value, "is", ("thread", SearchFlag.IsThread), ("pinned", SearchFlag.IsPinned));
                default:
                    return null;
            }
        }

        private static Result Handle(string value, char sigil, List<string> into, string help)
        {
            var name = value.TrimStart(sigil).ToLowerInvariant();
            if (name.Length == 0)
            {
                return Error.Invalid("search.filter_value", help);
            }

            into.Add(name);
            return Result.Success();
        }

        private static Result Day(string name, string value, Action<DateOnly> apply)
        {
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Error.Invalid("search.date", $"{name}: needs a date written like {name}:2026-11-28.");
            }

            apply(day);
            return Result.Success();
        }

        private Result During(string value)
        {
            if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                (_since, _until) = (Later(_since, month), Earlier(_until, month.AddMonths(1)));
                return Result.Success();
            }

            if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
            {
                (_since, _until) = (Later(_since, new DateOnly(year, 1, 1)), Earlier(_until, new DateOnly(year, 1, 1).AddYears(1)));
                return Result.Success();
            }

            return Error.Invalid("search.date", "during: needs a month or a year, like during:2026-11 or during:2026.");
        }

        private Result Flag(string value, string name, params (string Value, SearchFlag Flag)[] known)
        {
            var match = known.FirstOrDefault(k => k.Value.Equals(value, StringComparison.OrdinalIgnoreCase));
            if (match.Value is null)
            {
                return Error.Invalid(
                    "search.filter_value", $"{name}: can be {string.Join(", ", known.Select(k => $"{name}:{k.Value}"))}.");
            }

            _flags.Add(match.Flag);
            return Result.Success();
        }

        private static DateOnly Later(DateOnly? current, DateOnly day) => current is { } c && c > day ? c : day;

        private static DateOnly Earlier(DateOnly? current, DateOnly day) => current is { } c && c < day ? c : day;

        public SearchQuery Build() => new()
        {
            Words = _words,
            Phrases = _phrases,
            Prefixes = _prefixes,
            Excluded = _excluded,
            FromHandles = _from,
            InChannels = _in,
            InDirectWith = _inDirect,
            From = _since,
            Until = _until,
            Flags = _flags,
            Notices = _notices,
        };
    }
}
