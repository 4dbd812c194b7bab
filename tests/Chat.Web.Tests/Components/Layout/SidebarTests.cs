using Chat.Application.Events;
using Chat.Domain.Channels;
using Chat.Web.Components.Layout;
using Chat.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Components.Layout;

public class SidebarTests : ComponentTestContext
{
    private readonly Guid _general = Guid.NewGuid();
    private readonly Guid _random = Guid.NewGuid();

    public SidebarTests()
    {
        Channels.Channels.Add(new ChannelAccess(_general, "general", ChannelKind.Public, false, ChannelRole.Member));
        Channels.Channels.Add(new ChannelAccess(_random, "random", ChannelKind.Public, false, ChannelRole.Member));
    }

    [Fact]
    public async Task Messages_from_others_in_a_channel_that_is_not_open_count_as_unread_and_opening_clears_them()
    {
        var sidebar = Services.GetRequiredService<Sidebar>();
        await sidebar.LoadAsync();
        await sidebar.ViewingAsync(_general, 0);

        await Events.DeliverAsync(new MessagePosted(Messages.Add(_random, "psst", sender: "bob")));
        await Events.DeliverAsync(new MessagePosted(Messages.Add(_random, "mine", sender: UserId)));
        await Events.DeliverAsync(new MessagePosted(Messages.Add(_general, "seen live", sender: "bob")));

        sidebar.Channels.Single(c => c.Name == "random").Unread.ShouldBe(1);
        sidebar.Channels.Single(c => c.Name == "general").Unread.ShouldBe(0);
        sidebar.TotalUnread.ShouldBe(1);

        await Events.DeliverAsync(new MessagePosted(Messages.All.First(m => m.Body == "psst")));
        sidebar.TotalUnread.ShouldBe(1, "an event delivered twice is counted once");

        sidebar.Left(_general);
        await sidebar.ViewingAsync(_random, 2);

        sidebar.TotalUnread.ShouldBe(0);
        Channels.ReadCursors[_random].ShouldBe(2);
    }

    [Fact]
    public async Task Reading_a_channel_in_another_tab_clears_its_count_here()
    {
        var sidebar = Services.GetRequiredService<Sidebar>();
        await sidebar.LoadAsync();
        await Events.DeliverAsync(new MessagePosted(Messages.Add(_random, "one", sender: "bob")));
        var two = Messages.Add(_random, "two", sender: "bob");
        await Events.DeliverAsync(new MessagePosted(two));
        sidebar.TotalUnread.ShouldBe(2);

        Events.PublishToUser(UserId, new ReadStateChanged(_random, two.Sequence));

        sidebar.Channels.Single(c => c.Name == "random").Unread.ShouldBe(0);
        sidebar.TotalUnread.ShouldBe(0);
    }

    [Fact]
    public async Task Mentions_count_separately_and_thread_only_replies_do_not_make_a_channel_unread()
    {
        var sidebar = Services.GetRequiredService<Sidebar>();
        await sidebar.LoadAsync();
        var root = Messages.Add(_random, "plan?", sender: "bob");
        await Events.DeliverAsync(new MessagePosted(root));

        await Events.DeliverAsync(new MessagePosted(Messages.Reply(root, "in the thread", sender: "carol")));
        await Events.DeliverAsync(new MessagePosted(
            Messages.Add(_random, "@ann can you?", sender: "bob") with { MentionedUserIds = [UserId] }));

        var random = sidebar.Channels.Single(c => c.Name == "random");
        random.Unread.ShouldBe(2);
        random.Mentions.ShouldBe(1);

        await sidebar.ViewingAsync(_random, 3);
        sidebar.Channels.Single(c => c.Name == "random").Mentions.ShouldBe(0);
    }

    [Fact]
    public async Task A_direct_message_partners_presence_follows_them_live_until_the_sidebar_is_disposed()
    {
        var direct = Guid.NewGuid();
        Channels.Channels.Add(new ChannelAccess(direct, "dm-bob", ChannelKind.Direct, false, ChannelRole.Member));
        Channels.Peers[direct] = ["bob"];
        Presence.Set("bob", Chat.Application.Presence.PresenceStatus.Online);
        var sidebar = Services.GetRequiredService<Sidebar>();
        await sidebar.LoadAsync();
        sidebar.PresenceOf("bob").ShouldBe(Chat.Application.Presence.PresenceStatus.Online);

        Presence.Set("bob", Chat.Application.Presence.PresenceStatus.DoNotDisturb);
        sidebar.PresenceOf("bob").ShouldBe(Chat.Application.Presence.PresenceStatus.DoNotDisturb);

        sidebar.Dispose();
        Presence.WatcherCount.ShouldBe(0);
    }
}
