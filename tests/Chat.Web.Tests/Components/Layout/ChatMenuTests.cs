using Bunit;
using Chat.Domain.Channels;
using Chat.Web.Components.Channels;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Chat.Web.Tests.Components.Layout;

/// <summary>The chrome's plain menus, through the channel header's options menu.</summary>
public class ChatMenuTests : ComponentTestContext
{
    private int _membersAsked;

    [Fact]
    public void The_button_opens_the_menu_and_says_so()
    {
        var header = RenderHeader();
        Button(header).GetAttribute("aria-expanded").ShouldBe("false");
        header.FindAll("[role=menu]").ShouldBeEmpty();

        Button(header).Click();

        Button(header).GetAttribute("aria-expanded").ShouldBe("true");
        header.Find("[role=menu]").TextContent.ShouldContain("Members");
    }

    [Fact]
    public void Escape_or_a_click_beside_the_menu_closes_it_without_choosing()
    {
        var header = RenderHeader();
        Button(header).Click();
        header.Find("[role=menu]").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        header.FindAll("[role=menu]").ShouldBeEmpty();

        Button(header).Click();
        header.Find(".chat-menu-backdrop").Click();
        header.FindAll("[role=menu]").ShouldBeEmpty();
        Button(header).GetAttribute("aria-expanded").ShouldBe("false");
        _membersAsked.ShouldBe(0);
    }

    [Fact]
    public void A_choice_closes_the_menu_and_is_done_even_when_the_header_around_it_does_not_render_again()
    {
        var header = RenderHeader();
        Button(header).Click();

        header.Find("#channel-members").Click();

        _membersAsked.ShouldBe(1);
        header.FindAll("[role=menu]").ShouldBeEmpty();
    }

    private IRenderedComponent<ChannelHeader> RenderHeader() => Render<ChannelHeader>(p => p
        .Add(c => c.Channel, new ChannelAccess(Guid.NewGuid(), "general", ChannelKind.Public, IsArchived: false, ChannelRole.Member))
        .Add(c => c.Title, "#general")
        .Add(c => c.OnShowMembers, EventCallback.Factory.Create(this, () => _membersAsked++)));

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ChannelHeader> header) => header.Find("#channel-menu > button");
}
