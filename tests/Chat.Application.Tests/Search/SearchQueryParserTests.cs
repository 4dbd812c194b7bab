using Chat.Application.Search;

namespace Chat.Application.Tests.Search;

public class SearchQueryParserTests
{
    [Fact]
    public void Words_phrases_prefixes_exclusions_and_filters_are_told_apart()
    {
        var query = Parse("""deploy "release train" roll* -staging -"dry run" from:@Alice in:#general in:@bob has:file is:pinned""");

        query.Words.ShouldBe(["deploy"]);
        query.Phrases.ShouldBe(["release train"]);
        query.Prefixes.ShouldBe(["roll"]);
        query.Excluded.ShouldBe(["staging", "dry run"]);
        query.FromHandles.ShouldBe(["alice"]);
        query.InChannels.ShouldBe(["general"]);
        query.InDirectWith.ShouldBe(["bob"]);
        query.Flags.ShouldBe([SearchFlag.HasFile, SearchFlag.IsPinned], ignoreOrder: true);
        query.Notices.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("before:2026-11-28", null, "2026-11-28")]
    [InlineData("after:2026-11-28", "2026-11-29", null)]
    [InlineData("on:2026-11-28", "2026-11-28", "2026-11-29")]
    [InlineData("during:2026-11", "2026-11-01", "2026-12-01")]
    [InlineData("during:2026", "2026-01-01", "2027-01-01")]
    [InlineData("after:2026-01-01 before:2026-02-01", "2026-01-02", "2026-02-01")]
    public void Dates_become_a_range_of_whole_days(string text, string? from, string? until)
    {
        var query = Parse(text);

        query.From.ShouldBe(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
        query.Until.ShouldBe(until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("before:yesterday", "search.date", "before:2026-11-28")]
    [InlineData("during:November", "search.date", "during:2026-11")]
    [InlineData("has:gif", "search.filter_value", "has:file, has:link, has:image")]
    [InlineData("is:open", "search.filter_value", "is:thread, is:pinned")]
    [InlineData("from:", "search.filter_value", "from:@alice")]
    [InlineData("   ", "search.empty", "Type a word")]
    public void Mistakes_without_an_obvious_reading_are_refused_with_the_right_form(string text, string code, string hint)
    {
        var parsed = SearchQueryParser.Parse(text);

        parsed.Error!.Code.ShouldBe(code);
        parsed.Error.Message.ShouldContain(hint);
    }

    [Fact]
    public void A_search_over_the_length_limit_is_refused()
    {
        SearchQueryParser.Parse(new string('a', SearchQueryParser.MaxLength + 1)).Error!.Code.ShouldBe("search.too_long");
        SearchQueryParser.Parse(new string('a', SearchQueryParser.MaxLength)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void An_unclosed_quote_reads_the_rest_as_a_phrase_and_says_so()
    {
        var query = Parse("""budget "next quarter plan""");

        query.Words.ShouldBe(["budget"]);
        query.Phrases.ShouldBe(["next quarter plan"]);
        query.Notices.ShouldHaveSingleItem().ShouldContain("not closed");
    }

    [Fact]
    public void A_lone_star_is_left_out_and_an_unknown_filter_is_searched_as_text_both_with_a_notice()
    {
        var query = Parse("report * form:@bob");

        query.Words.ShouldBe(["report", "form:@bob"]);
        query.Prefixes.ShouldBeEmpty();
        query.Notices.Count.ShouldBe(2);
        query.Notices[1].ShouldContain("form: is not a filter");
    }

    [Fact]
    public void Identifiers_addresses_links_and_times_stay_whole_words_without_notices()
    {
        var query = Parse("foo.bar ISSUE-123 ops@example.com https://example.com/x 12:30");

        query.Words.ShouldBe(["foo.bar", "ISSUE-123", "ops@example.com", "https://example.com/x", "12:30"]);
        query.Notices.ShouldBeEmpty();
    }

    private static SearchQuery Parse(string text)
    {
        var parsed = SearchQueryParser.Parse(text);
        parsed.Succeeded.ShouldBeTrue(parsed.Error?.Message);
        return parsed.Value;
    }
}
