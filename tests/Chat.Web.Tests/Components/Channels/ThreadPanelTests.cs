using Bunit;
using Chat.Application.Events;
using Chat.Domain.Channels;
using Chat.Web.Components.Channels;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Components.Channels;

public class ThreadPanelTests : ComponentTestContext
{
    private readonly Guid _general = Guid.NewGuid();

    public ThreadPanelTests() =>
        Channels.Channels.Add(new ChannelAccess(_general, "general", ChannelKind.Public, false, ChannelRole.Member));

    [Fact]
    public void The_panel_shows_the_root_and_its_replies_oldest_first()
    {
        var root = Messages.Add(_general, "Release at five?");
        Messages.Reply(root, "Yes", sender: "bob");
        Messages.Reply(root, "Make it six", sender: "carol");

        var panel = Render<ThreadPanel>(p => p.Add(c => c.RootId, root.Id).Add(c => c.CanPost, true));

        panel.FindAll(".message-body").Select(m => m.TextContent).ShouldBe(["Release at five?", "Yes", "Make it six"]);
        panel.Find(".thread-reply-count").TextContent.ShouldBe("2 replies");
    }

    [Fact]
    public void A_reply_arriving_in_the_channel_feed_appears_in_the_open_thread()
    {
        var root = Messages.Add(_general, "Who has the keys?");
        var panel = Render<ThreadPanel>(p => p.Add(c => c.RootId, root.Id).Add(c => c.CanPost, true));

        var reply = Messages.Reply(root, "I do", sender: "dan");
        panel.Render(p => p.Add(c => c.FeedMessages, [root, reply]));

        panel.FindAll(".message-body").Select(m => m.TextContent).ShouldBe(["Who has the keys?", "I do"]);
    }

    [Fact]
    public async Task Replying_from_the_panel_sends_into_the_thread_and_optionally_to_the_channel()
    {
        var root = Messages.Add(_general, "Standup notes");
        var panel = Render<ThreadPanel>(p => p.Add(c => c.RootId, root.Id).Add(c => c.CanPost, true).Add(c => c.ChannelName, "#general"));
        var composer = panel.FindComponent<Composer>();

        panel.Find("#thread-composer").GetAttribute("data-conversation").ShouldBe($"{_general:N}/{root.Id:N}");
        panel.FindAll("#thread-composer-also-send").ShouldHaveSingleItem();
        var sent = await panel.InvokeAsync(() => composer.Instance.SendAsync(_general, root.Id, Guid.NewGuid(), "Added mine", true));

        sent.ShouldBe(SendAnswer.Accepted);
        var reply = Messages.All.Where(m => m.ThreadRootId == root.Id).ShouldHaveSingleItem();
        reply.Body.ShouldBe("Added mine");
        reply.AlsoInChannel.ShouldBeTrue();
    }

    [Fact]
    public void The_channel_shows_a_roots_reply_count_and_keeps_thread_only_replies_out_of_the_list()
    {
        var root = Messages.Add(_general, "Design review today");
        Messages.Reply(root, "In the thread only", sender: "bob");
        Messages.Reply(root, "Also in the channel", sender: "carol", alsoInChannel: true);

        var page = Render<ChannelPage>(p => p.Add(c => c.Name, "general"));

        page.FindAll("#message-list .message-body").Select(m => m.TextContent).ShouldBe(["Design review today", "Also in the channel"]);
        page.Find(".thread-summary .thread-count").TextContent.ShouldBe("2 replies");
    }

    [Fact]
    public void A_live_reply_updates_the_roots_reply_count_without_reload()
    {
        var root = Messages.Add(_general, "Ship it?");
        var page = Render<ChannelPage>(p => p.Add(c => c.Name, "general"));
        page.FindAll(".thread-summary").ShouldBeEmpty();

        var reply = Messages.Reply(root, "Ship it", sender: "bob");
        Events.Publish(new MessagePosted(reply));
        Events.Publish(new ThreadUpdated(Messages.All.Single(m => m.Id == root.Id)));

        page.WaitForAssertion(() => page.Find(".thread-summary .thread-count").TextContent.ShouldBe("1 reply"));
        page.FindAll("#message-list .message-body").Count.ShouldBe(1);
    }

    [Fact]
    public void Following_can_be_turned_off_and_on_from_the_panel()
    {
        var root = Messages.Add(_general, "Incident 42");
        Threads.Followers[(root.Id, UserId)] = root.Sequence;
        var panel = Render<ThreadPanel>(p => p.Add(c => c.RootId, root.Id));

        panel.Find("#thread-follow").TextContent.ShouldBe("Following");
        panel.Find("#thread-follow").Click();

        panel.Find("#thread-follow").TextContent.ShouldBe("Follow");
        Threads.Followers.ShouldNotContainKey((root.Id, UserId));
    }
}
