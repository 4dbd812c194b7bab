using Chat.Application.Channels.ListMyChannels;
using Chat.Application.Common;
using Chat.Application.Messages;
using Chat.Application.Messages.GetHistory;
using Chat.Application.Messages.SendMessage;
using Chat.Application.Presence;
using Chat.Application.Threads.CountUnreadReplies;
using Chat.Application.Threads.GetThread;
using Chat.Application.Threads.ListFollowedThreads;
using Chat.Application.Threads.MarkThreadRead;
using Chat.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Threads;

/// <summary>Threads, followers and mentions through the real use cases, stores and a SQLite file.</summary>
public sealed class ThreadsAndMentionsTests : IAsyncLifetime
{
    private TestWorkspace _workspace = default!;
    private Dictionary<string, string> _users = default!;
    private Dictionary<string, Guid> _channels = default!;

    public async Task InitializeAsync()
    {
        _workspace = await TestWorkspace.InitializedAsync(new Dictionary<string, string?>
        {
            ["Bootstrap:SeedDemoWorkspace"] = "true",
            ["Messaging:SendsPerSecond"] = "1000000",
        });
        await using var db = _workspace.NewContext();
        _users = await db.Users.ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u.Id);
        _channels = await db.Channels.ToDictionaryAsync(c => c.Name, c => c.Id);
    }

    public Task DisposeAsync() => _workspace.DisposeAsync().AsTask();

    [Fact]
    public async Task Replies_stay_in_their_thread_and_the_root_shows_count_and_repliers_newest_first()
    {
        var general = _channels["general"];
        var root = await SendAsync("alice", general, "Release notes draft is up");
        await SendAsync("bob", general, "Looks good", root.Id);
        var shared = await SendAsync("carol", general, "One typo in section 2", root.Id, alsoToChannel: true);

        var thread = (await As<GetThreadHandler>("dan").HandleAsync(new GetThread(root.Id))).Value;
        var history = (await As<GetHistoryHandler>("dan").HandleAsync(new GetHistory(general))).Value;

        thread.Replies.Select(r => r.Body).ShouldBe(["Looks good", "One typo in section 2"]);
        thread.Root.Thread.ShouldNotBeNull().ReplyCount.ShouldBe(2);
        thread.Root.Thread.ParticipantNames.ShouldBe(["Carol Compliance", "Bob Baker"]);
        history.Where(m => m.IsInChannel).Select(m => m.Body).ShouldBe(["Release notes draft is up", "One typo in section 2"]);
        history.Select(m => m.Sequence).ShouldBe([1L, 2, 3], "replies take channel sequences, so catch-up stays gap-free");
        shared.AlsoInChannel.ShouldBeTrue();
    }

    [Fact]
    public async Task Replies_kept_in_the_thread_do_not_make_the_channel_unread_but_show_in_the_threads_view()
    {
        var general = _channels["general"];
        var root = await SendAsync("alice", general, "Who owns the on-call rota?");
        await ReadAllAsync("alice", general);
        await SendAsync("bob", general, "I do", root.Id);
        await SendAsync("carol", general, "Bob does", root.Id);

        var sidebar = await SidebarAsync("alice");
        var followed = (await As<ListFollowedThreadsHandler>("alice").HandleAsync(new ListFollowedThreads())).Value;

        sidebar[general].Unread.ShouldBe(0);
        followed.ShouldHaveSingleItem().UnreadReplies.ShouldBe(2);
        followed[0].Root.Id.ShouldBe(root.Id);

        (await As<CountUnreadRepliesHandler>("alice").HandleAsync(new CountUnreadReplies())).Value
            .ShouldBe(new Dictionary<Guid, int> { [root.Id] = 2 }, "the Threads link counts what the Threads view shows");
        (await As<CountUnreadRepliesHandler>("bob").HandleAsync(new CountUnreadReplies())).Value
            .ShouldBe(new Dictionary<Guid, int> { [root.Id] = 1 }, "bob's own reply is not new to him");

        var last = (await As<GetThreadHandler>("alice").HandleAsync(new GetThread(root.Id))).Value.Replies[^1].Sequence;
        await As<MarkThreadReadHandler>("alice").HandleAsync(new MarkThreadRead(root.Id, last));
        (await As<ListFollowedThreadsHandler>("alice").HandleAsync(new ListFollowedThreads())).Value
            .ShouldHaveSingleItem().UnreadReplies.ShouldBe(0);
        (await As<CountUnreadRepliesHandler>("alice").HandleAsync(new CountUnreadReplies())).Value
            .ShouldBe(new Dictionary<Guid, int> { [root.Id] = 0 });
        (await As<CountUnreadRepliesHandler>("dan").HandleAsync(new CountUnreadReplies())).Value.ShouldBeEmpty("dan follows nothing");
    }

    [Fact]
    public async Task Read_marks_past_the_newest_message_stop_at_it_and_negative_ones_are_refused()
    {
        var general = _channels["general"];
        var root = await SendAsync("alice", general, "Marks, please");
        var reply = await SendAsync("bob", general, "Marked", root.Id);

        (await As<Chat.Application.Channels.MarkRead.MarkReadHandler>("carol")
            .HandleAsync(new Chat.Application.Channels.MarkRead.MarkRead(general, 1_000_000_000))).Succeeded.ShouldBeTrue();
        (await As<MarkThreadReadHandler>("alice").HandleAsync(new MarkThreadRead(root.Id, long.MaxValue))).Succeeded.ShouldBeTrue();
        var negative = await As<MarkThreadReadHandler>("alice").HandleAsync(new MarkThreadRead(root.Id, -5));

        negative.Error!.Code.ShouldBe("read.sequence");
        await using var db = _workspace.NewContext();
        var newest = await db.Channels.Where(c => c.Id == general).Select(c => c.LastSequence).SingleAsync();
        newest.ShouldBe(reply.Sequence);
        (await db.ChannelMembers.SingleAsync(m => m.ChannelId == general && m.UserId == _users["carol"])).LastReadSequence.ShouldBe(newest);
        (await db.ThreadFollowers.SingleAsync(f => f.RootMessageId == root.Id && f.UserId == _users["alice"])).LastReadSequence.ShouldBe(newest);
    }

    [Fact]
    public async Task The_root_sender_repliers_and_people_mentioned_follow_a_thread_and_others_do_not()
    {
        var general = _channels["general"];
        var root = await SendAsync("alice", general, "Lunch order?");
        await SendAsync("bob", general, "Pizza, @erin what about you?", root.Id);

        (await FollowedCountAsync("alice")).ShouldBe(1);
        (await FollowedCountAsync("bob")).ShouldBe(1);
        (await FollowedCountAsync("erin")).ShouldBe(1);
        (await FollowedCountAsync("dan")).ShouldBe(0);
    }

    [Fact]
    public async Task A_reply_to_a_reply_or_to_a_message_of_another_channel_is_refused_and_nothing_is_stored()
    {
        var root = await SendAsync("alice", _channels["general"], "Root");
        var reply = await SendAsync("bob", _channels["general"], "Reply", root.Id);

        var nested = await As<SendMessageHandler>("bob").HandleAsync(
            new SendMessage(_channels["general"], Guid.NewGuid(), "Nested", reply.Id));
        var elsewhere = await As<SendMessageHandler>("bob").HandleAsync(
            new SendMessage(_channels["random"], Guid.NewGuid(), "Elsewhere", root.Id));

        nested.Error!.Code.ShouldBe("thread.nested");
        elsewhere.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        await using var db = _workspace.NewContext();
        (await db.Messages.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task An_outsider_cannot_open_or_follow_a_thread_of_a_private_channel()
    {
        var root = await SendAsync("dan", _channels["engineering"], "Secret plan");
        await SendAsync("erin", _channels["engineering"], "Agreed", root.Id);

        var opened = await As<GetThreadHandler>("bob").HandleAsync(new GetThread(root.Id));
        var marked = await As<MarkThreadReadHandler>("bob").HandleAsync(new MarkThreadRead(root.Id, 2));

        opened.Error!.Code.ShouldBe("message.not_found");
        marked.Error!.Code.ShouldBe("message.not_found");
        (await FollowedCountAsync("bob")).ShouldBe(0);
    }

    [Fact]
    public async Task Mentions_reach_members_only_and_count_in_the_sidebar_until_read()
    {
        var engineering = _channels["engineering"];

        // Bob is not in #engineering: naming him reaches nobody.
        var sent = await SendAsync("alice", engineering, "@dan and @bob please review");

        sent.MentionedUserIds.ShouldBe([_users["dan"]]);
        (await SidebarAsync("dan"))[engineering].Mentions.ShouldBe(1);
        (await SidebarAsync("erin"))[engineering].Mentions.ShouldBe(0);

        await ReadAllAsync("dan", engineering);
        (await SidebarAsync("dan"))[engineering].Mentions.ShouldBe(0);
    }

    [Fact]
    public async Task Channel_mentions_everyone_and_here_only_those_online()
    {
        var engineering = _channels["engineering"];
        var presence = _workspace.Services.GetRequiredService<IPresence>();
        using var erinOnline = presence.Connected(_users["erin"]);

        await SendAsync("alice", engineering, "@here standup in 5");
        await SendAsync("alice", engineering, "@channel release is out");

        (await SidebarAsync("erin"))[engineering].Mentions.ShouldBe(2);
        (await SidebarAsync("dan"))[engineering].Mentions.ShouldBe(1);
        (await SidebarAsync("alice"))[engineering].Mentions.ShouldBe(0, "nobody is mentioned by their own message");
    }

    private THandler As<THandler>(string user)
        where THandler : notnull =>
        _workspace.Handler<THandler>(_users[user]);

    private async Task<MessageDto> SendAsync(string user, Guid channelId, string text, Guid? rootId = null, bool alsoToChannel = false)
    {
        var sent = await As<SendMessageHandler>(user).HandleAsync(new SendMessage(channelId, Guid.NewGuid(), text, rootId, alsoToChannel));
        return sent.Succeeded ? sent.Value : throw new InvalidOperationException(sent.Error!.Message);
    }

    private async Task ReadAllAsync(string user, Guid channelId)
    {
        var channels = _workspace.Services.GetRequiredService<Chat.Application.Channels.IChannelStore>();
        await using var db = _workspace.NewContext();
        var last = await db.Channels.Where(c => c.Id == channelId).Select(c => c.LastSequence).SingleAsync();
        await channels.MarkReadAsync(channelId, _users[user], last, CancellationToken.None);
    }

    private async Task<Dictionary<Guid, Chat.Application.Channels.ChannelSummary>> SidebarAsync(string user) =>
        (await As<ListMyChannelsHandler>(user).HandleAsync(new ListMyChannels())).Value.ToDictionary(c => c.Id);

    private async Task<int> FollowedCountAsync(string user) =>
        (await As<ListFollowedThreadsHandler>(user).HandleAsync(new ListFollowedThreads())).Value.Count;
}
