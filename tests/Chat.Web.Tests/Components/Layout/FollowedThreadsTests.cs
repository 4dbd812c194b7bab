using Chat.Application.Events;
using Chat.Application.Threads;
using Chat.Domain.Channels;
using Chat.Web.Components.Layout;
using Chat.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Components.Layout;

public sealed class FollowedThreadsTests : ComponentTestContext
{
    private readonly Guid _general = Guid.NewGuid();

    private async Task<FollowedThreads> LoadedAsync()
    {
        var threads = Services.GetRequiredService<FollowedThreads>();
        await threads.LoadAsync();
        return threads;
    }

    [Fact]
    public async Task Starts_from_the_unread_replies_the_threads_view_lists()
    {
        Threads.Listed.Add(new FollowedThread(Messages.Add(_general, "one", sender: UserId), "general", ChannelKind.Public, 2));
        Threads.Listed.Add(new FollowedThread(Messages.Add(_general, "two", sender: UserId), "general", ChannelKind.Public, 3));

        (await LoadedAsync()).UnreadReplies.ShouldBe(5);
    }

    [Fact]
    public async Task A_reply_from_someone_else_counts_in_a_followed_thread_but_not_ones_own_nor_in_a_thread_not_followed()
    {
        var followed = Messages.Add(_general, "mine", sender: UserId);
        Threads.Listed.Add(new FollowedThread(followed, "general", ChannelKind.Public, 0));
        var other = Messages.Add(_general, "theirs", sender: "dan");
        var threads = await LoadedAsync();
        var changes = 0;
        using var _ = threads.OnChanged(() => changes++);

        threads.Apply(new MessagePosted(Messages.Reply(followed, "answer", sender: "erin")));
        threads.Apply(new MessagePosted(Messages.Reply(followed, "my own", sender: UserId)));
        threads.Apply(new MessagePosted(Messages.Reply(other, "not mine to follow", sender: "erin")));
        threads.Apply(new ThreadUpdated(Messages.All.Single(m => m.Id == other.Id)));

        threads.UnreadReplies.ShouldBe(1);
        changes.ShouldBe(1);
    }

    [Fact]
    public async Task A_first_reply_to_the_users_own_message_counts_once_its_summary_shows_the_thread_is_theirs()
    {
        var root = Messages.Add(_general, "started by me", sender: UserId);
        var threads = await LoadedAsync();

        threads.Apply(new MessagePosted(Messages.Reply(root, "first answer", sender: "dan")));
        threads.UnreadReplies.ShouldBe(0);
        threads.Apply(new ThreadUpdated(Messages.All.Single(m => m.Id == root.Id)));

        threads.UnreadReplies.ShouldBe(1);
    }

    [Fact]
    public async Task A_thread_open_in_the_panel_is_read_and_its_new_replies_do_not_count()
    {
        var root = Messages.Add(_general, "mine", sender: UserId);
        Threads.Listed.Add(new FollowedThread(root, "general", ChannelKind.Public, 4));
        var threads = await LoadedAsync();

        threads.Viewing(root.Id);
        threads.Apply(new MessagePosted(Messages.Reply(root, "seen as it comes", sender: "dan")));
        threads.UnreadReplies.ShouldBe(0);

        threads.Left(root.Id);
        threads.Apply(new MessagePosted(Messages.Reply(root, "after leaving", sender: "dan")));
        threads.UnreadReplies.ShouldBe(1);
    }
}
