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
}
