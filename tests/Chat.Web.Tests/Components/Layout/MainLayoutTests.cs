using Bunit;
using Chat.Domain.Channels;
using Chat.Domain.Users;
using Chat.Web.Components.Layout;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Components.Layout;

public class MainLayoutTests : ComponentTestContext
{
    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id='page'>Page</p>"))));

    [Fact]
    public void Shows_the_app_bar_navigation_the_page_and_the_users_initials()
    {
        var layout = RenderLayout();

        layout.Find(".mud-appbar").TextContent.ShouldContain("Chat.Enterprise");
        layout.Find("#nav-drawer").TextContent.ShouldContain("Home");
        layout.Find("#page").TextContent.ShouldBe("Page");
        layout.Find(".mud-avatar").TextContent.Trim().ShouldBe("AL");
    }

    [Fact]
    public void The_sidebar_lists_the_users_channels_and_leaves_out_archived_ones()
    {
        Channels.Channels.Add(new ChannelAccess(Guid.NewGuid(), "general", ChannelKind.Public, false, ChannelRole.Member));
        Channels.Channels.Add(new ChannelAccess(Guid.NewGuid(), "secret", ChannelKind.Private, false, ChannelRole.Member));
        Channels.Channels.Add(new ChannelAccess(Guid.NewGuid(), "old-stuff", ChannelKind.Public, true, ChannelRole.Member));

        var layout = RenderLayout();

        var links = layout.FindAll("#sidebar-channels a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldBe(["c/general", "c/secret"]);
        layout.Find("a[data-channel='secret']").GetAttribute("data-kind").ShouldBe("Private");
        layout.Find("a[data-channel='secret'] svg").ShouldNotBeNull();
    }

    [Fact]
    public void The_uploader_is_told_on_any_page_when_their_file_is_removed_as_malware()
    {
        var layout = RenderLayout();

        Events.PublishToUser(UserId, new Chat.Application.Events.FileRemovedAsMalware(Guid.NewGuid(), Guid.NewGuid(), "invoice.txt"));

        layout.WaitForAssertion(() => layout.Find(".mud-snackbar").TextContent.ShouldContain("invoice.txt was removed"));
    }

    [Fact]
    public void Administration_links_are_hidden_from_members()
    {
        var layout = RenderLayout();

        layout.Find("#nav-drawer").TextContent.ShouldNotContain("Background jobs");
    }

    [Fact]
    public void Administrators_see_the_administration_links()
    {
        AddAuthorization().SetAuthorized("Ann Lee").SetRoles(Chat.Domain.Users.WorkspaceRoles.WorkspaceAdmin);

        var layout = RenderLayout();

        var links = layout.FindAll("#nav-drawer a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain("admin/bots");
        links.ShouldContain("admin/jobs");
    }

    [Fact]
    public void The_link_of_the_open_page_is_marked_and_follows_navigation()
    {
        Channels.Channels.Add(new ChannelAccess(Guid.NewGuid(), "general", ChannelKind.Public, false, ChannelRole.Member));
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        var layout = RenderLayout();
        layout.Find("#nav-drawer a[href='/']").ClassList.ShouldContain("active");

        navigation.NavigateTo("c/general/m/42");

        layout.WaitForAssertion(() => layout.Find("a[data-channel='general']").ClassList.ShouldContain("active"));
        layout.Find("#nav-drawer a[href='/']").ClassList.ShouldNotContain("active");
        layout.Find("#threads-link").ClassList.ShouldNotContain("active");
    }

    [Fact]
    public void Toggling_the_theme_switches_the_page_to_dark_and_remembers_it_for_the_user()
    {
        var module = JSInterop.SetupModule("./Components/Layout/MainLayout.razor.js");
        var layout = RenderLayout();
        layout.Find("#theme-toggle").GetAttribute("aria-label").ShouldBe("Switch to dark theme");

        layout.Find("#theme-toggle").Click();

        layout.WaitForAssertion(() =>
            layout.Find("#theme-toggle").GetAttribute("aria-label").ShouldBe("Switch to light theme"));
        Profiles.Profiles[UserId].Theme.ShouldBe(ThemePreference.Dark);
        module.VerifyInvoke("useTheme").Arguments.ShouldBe(["dark"]);
    }

    [Fact]
    public void A_theme_that_cannot_be_saved_is_not_shown_as_chosen()
    {
        var module = JSInterop.SetupModule("./Components/Layout/MainLayout.razor.js");
        var layout = RenderLayout();
        Profiles.Profiles.Remove(UserId);

        layout.Find("#theme-toggle").Click();

        layout.Find("#theme-toggle").GetAttribute("aria-label").ShouldBe("Switch to dark theme");
        module.Invocations["useTheme"].ShouldBeEmpty();
    }

    [Fact]
    public void A_stored_dark_preference_shows_the_toggle_offering_light()
    {
        Profiles.Profiles[UserId] = Profiles.Profiles[UserId] with { Theme = ThemePreference.Dark };

        var layout = RenderLayout();

        layout.Find("#theme-toggle").GetAttribute("aria-label").ShouldBe("Switch to light theme");
    }
}
