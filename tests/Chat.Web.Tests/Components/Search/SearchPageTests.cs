using Bunit;
using Chat.Application.Search;
using Chat.Domain.Channels;
using Chat.Web.Components.Search;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Components.Search;

public class SearchPageTests : ComponentTestContext
{
    private readonly Guid _general = Guid.NewGuid();

    public SearchPageTests() =>
        Channels.Channels.Add(new ChannelAccess(_general, "general", ChannelKind.Public, false, ChannelRole.Member));

    [Fact]
    public void Results_mark_the_matched_words_and_show_message_text_only_as_text()
    {
        var message = Messages.Add(_general, "<script>alert(1)</script> deploy <b>now</b>", senderName: "Bob");
        Messages.Replace(message with { Sequence = 42 });
        SearchIndex.Hits.Add(new SearchHit(message.Id, message.Version,
        [
            new SnippetPart("<script>alert(1)</script> ", false),
            new SnippetPart("deploy", true),
            new SnippetPart(" <b>now</b>", false),
        ]));

        var page = RenderSearch("deploy");

        var result = page.Find(".search-result");
        result.QuerySelectorAll("script").ShouldBeEmpty();
        result.QuerySelectorAll("b").ShouldBeEmpty();
        result.QuerySelector("mark")!.TextContent.ShouldBe("deploy");
        result.QuerySelector(".search-result-snippet")!.TextContent.ShouldContain("<script>alert(1)</script>");
        result.QuerySelector("a")!.GetAttribute("href").ShouldBe("c/general/m/42");
        page.Find("#search-summary").TextContent.ShouldContain("1 result");
    }

    [Fact]
    public void A_search_that_cannot_be_read_says_why_instead_of_failing()
    {
        var page = RenderSearch("before:yesterday");

        page.Find("#search-error").TextContent.ShouldContain("before:2026-11-28");
        SearchIndex.Asked.ShouldBeEmpty();
    }

    [Fact]
    public void A_hit_on_an_older_version_or_a_deleted_message_is_not_shown()
    {
        var edited = Messages.Add(_general, "deploy moved to Friday");
        SearchIndex.Hits.Add(new SearchHit(edited.Id, edited.Version - 1, [new SnippetPart("deploy", true)]));
        SearchIndex.Hits.Add(new SearchHit(Guid.NewGuid(), 1, [new SnippetPart("deploy", true)]));

        var page = RenderSearch("deploy");

        page.FindAll(".search-result").ShouldBeEmpty();
    }

    [Fact]
    public void A_search_that_ran_out_of_time_shows_what_it_found_and_says_it_may_be_incomplete()
    {
        var message = Messages.Add(_general, "deploy friday");
        SearchIndex.Hits.Add(new SearchHit(message.Id, message.Version, [new SnippetPart("deploy", true)]));
        SearchIndex.TimesOut = true;

        var page = RenderSearch("deploy");

        page.FindAll(".search-result").Count.ShouldBe(1);
        page.Find("#search-timed-out").TextContent.ShouldContain("took too long");
    }

    [Fact]
    public void Days_are_read_again_in_the_viewers_zone_once_their_browser_tells_it()
    {
        var page = RenderSearch("on:2026-11-27");
        SearchIndex.Asked.ShouldHaveSingleItem().SentFrom.ShouldBe(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));

        Services.GetRequiredService<Chat.Web.Components.Layout.ViewerClock>().Use("Asia/Tokyo").ShouldBeTrue();

        page.WaitForAssertion(() => SearchIndex.Asked.Count.ShouldBe(2));
        SearchIndex.Asked[^1].SentFrom.ShouldBe(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(9)));
        SearchIndex.Asked[^1].SentBefore.ShouldBe(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(9)));
    }

    private IRenderedComponent<SearchPage> RenderSearch(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"search?q={Uri.EscapeDataString(query)}");
        return Render<SearchPage>();
    }
}
