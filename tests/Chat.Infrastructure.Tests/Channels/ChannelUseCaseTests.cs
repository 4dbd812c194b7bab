using Chat.Application.Channels;
using Chat.Application.Channels.BrowseChannels;
using Chat.Application.Channels.CreateChannel;
using Chat.Application.Channels.JoinChannel;
using Chat.Application.Channels.LeaveChannel;
using Chat.Application.Channels.ListMyChannels;
using Chat.Application.Channels.MarkRead;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.Messages;
using Chat.Application.Messages.SendMessage;
using Chat.Application.People.OpenDirectMessage;
using Chat.Application.People.SearchPeople;
using Chat.Application.Messages.ToggleReaction;
using Chat.Domain.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Channels;

/// <summary>Channel use cases over the real store and a SQLite file with the demo workspace.</summary>
public sealed class ChannelUseCaseTests : IAsyncLifetime
{
    private TestWorkspace _workspace = default!;
    private Dictionary<string, string> _users = default!;

    public async Task InitializeAsync()
    {
        _workspace = await TestWorkspace.InitializedAsync(new Dictionary<string, string?>
        {
            ["Bootstrap:SeedDemoWorkspace"] = "true",
            ["Messaging:SendsPerSecond"] = "1000",
        });
        await using var db = _workspace.NewContext();
        _users = await db.Users.ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u.Id);
    }

    public Task DisposeAsync() => _workspace.DisposeAsync().AsTask();

    private T As<T>(string user) where T : class =>
        ActivatorUtilities.CreateInstance<T>(_workspace.Services, new FixedActor(_users[user]));

    [Fact]
    public async Task A_created_channel_is_owned_by_its_creator_and_its_name_is_unique()
    {
        var created = await As<CreateChannelHandler>("bob").HandleAsync(new CreateChannel("release-train", ChannelKind.Public, "Ship it"));
        var again = await As<CreateChannelHandler>("dan").HandleAsync(new CreateChannel("#release-train", ChannelKind.Private));
        var invalid = await As<CreateChannelHandler>("dan").HandleAsync(new CreateChannel("Release Train", ChannelKind.Public));

        created.Value.Role.ShouldBe(ChannelRole.Owner);
        again.Error!.Code.ShouldBe("channel.name_taken");
        invalid.Error!.Code.ShouldBe("channel.name.invalid");
        var mine = (await As<ListMyChannelsHandler>("bob").HandleAsync(new ListMyChannels())).Value;
        mine.Select(c => c.Name).ShouldContain("release-train");
    }

    [Fact]
    public async Task Public_channels_are_browsed_and_joined_but_private_ones_are_neither_listed_nor_joinable()
    {
        var secret = (await As<CreateChannelHandler>("dan").HandleAsync(new CreateChannel("secret-plans", ChannelKind.Private))).Value;
        var open = (await As<CreateChannelHandler>("dan").HandleAsync(new CreateChannel("open-plans", ChannelKind.Public))).Value;

        var browsed = (await As<BrowseChannelsHandler>("bob").HandleAsync(new BrowseChannels())).Value;
        var joinSecret = await As<JoinChannelHandler>("bob").HandleAsync(new JoinChannel(secret.ChannelId));
        var joinOpen = await As<JoinChannelHandler>("bob").HandleAsync(new JoinChannel(open.ChannelId));
        var joinAgain = await As<JoinChannelHandler>("bob").HandleAsync(new JoinChannel(open.ChannelId));

        browsed.Select(c => c.Name).ShouldNotContain("secret-plans");
        browsed.Single(c => c.Name == "open-plans").ShouldSatisfyAllConditions(c => c.IsMember.ShouldBeFalse(), c => c.MemberCount.ShouldBe(1));
        joinSecret.Error!.Code.ShouldBe("channel.not_found");
        joinOpen.Succeeded.ShouldBeTrue();
        joinAgain.Succeeded.ShouldBeTrue();
        var mine = (await As<ListMyChannelsHandler>("bob").HandleAsync(new ListMyChannels())).Value.Select(c => c.Name).ToList();
        mine.ShouldContain("open-plans");
        mine.ShouldNotContain("secret-plans");
    }

    [Fact]
    public async Task Leaving_removes_the_channel_from_the_sidebar_and_stops_posting()
    {
        var general = (await As<ListMyChannelsHandler>("bob").HandleAsync(new ListMyChannels())).Value.Single(c => c.Name == "general");

        (await As<LeaveChannelHandler>("bob").HandleAsync(new LeaveChannel(general.Id))).Succeeded.ShouldBeTrue();
        var post = await As<SendMessageHandler>("bob").HandleAsync(new SendMessage(general.Id, Guid.NewGuid(), "still here?"));

        (await As<ListMyChannelsHandler>("bob").HandleAsync(new ListMyChannels())).Value.Select(c => c.Name).ShouldNotContain("general");
        post.Error!.Code.ShouldBe("channel.not_member");
    }

    [Fact]
    public async Task Unread_counts_only_others_messages_after_the_read_cursor()
    {
        var general = (await As<ListMyChannelsHandler>("bob").HandleAsync(new ListMyChannels())).Value.Single(c => c.Name == "general").Id;
        await As<SendMessageHandler>("bob").HandleAsync(new SendMessage(general, Guid.NewGuid(), "mine"));
        foreach (var text in new[] { "one", "two", "three" })
        {
            await As<SendMessageHandler>("erin").HandleAsync(new SendMessage(general, Guid.NewGuid(), text));
        }

        int Unread(IReadOnlyList<ChannelSummary> list) => list.Single(c => c.Id == general).Unread;

        Unread((await As<ListMyChannelsHandler>("bob").HandleAsync(new ListMyChannels())).Value).ShouldBe(3);
        await As<MarkReadHandler>("bob").HandleAsync(new MarkRead(general, 3));
        Unread((await As<ListMyChannelsHandler>("bob").HandleAsync(new ListMyChannels())).Value).ShouldBe(1);
        await As<MarkReadHandler>("bob").HandleAsync(new MarkRead(general, 2));
        Unread((await As<ListMyChannelsHandler>("bob").HandleAsync(new ListMyChannels())).Value).ShouldBe(1);
        // "Mark unread" from erin's first message brings all three back.
        await As<MarkReadHandler>("bob").HandleAsync(new MarkRead(general, 2, Unread: true));
        Unread((await As<ListMyChannelsHandler>("bob").HandleAsync(new ListMyChannels())).Value).ShouldBe(3);
    }

    [Fact]
    public async Task Reads_arriving_together_from_many_members_all_land_and_a_late_older_read_moves_no_cursor_back()
    {
        var channels = (await As<ListMyChannelsHandler>("alice").HandleAsync(new ListMyChannels())).Value;
        var general = channels.Single(c => c.Name == "general").Id;
        var random = channels.Single(c => c.Name == "random").Id;
        for (var i = 0; i < 6; i++)
        {
            await As<SendMessageHandler>("alice").HandleAsync(new SendMessage(general, Guid.NewGuid(), $"general {i}"));
            await As<SendMessageHandler>("alice").HandleAsync(new SendMessage(random, Guid.NewGuid(), $"random {i}"));
        }

        var readers = new[] { "bob", "carol", "dan", "erin" };
        var lastGeneral = await LastSequenceAsync(general);
        var lastRandom = await LastSequenceAsync(random);

        // Every reader's tab saves both channels at once, each also sending an older read that arrives late; dan has
        // not seen the newest message in general yet.
        long ReadInGeneral(string reader) => reader == "dan" ? lastGeneral - 1 : lastGeneral;
        await Task.WhenAll(readers.SelectMany(reader => new[]
        {
            As<MarkReadHandler>(reader).HandleAsync(new MarkRead(general, ReadInGeneral(reader))),
            As<MarkReadHandler>(reader).HandleAsync(new MarkRead(random, lastRandom - 2)),
            As<MarkReadHandler>(reader).HandleAsync(new MarkRead(general, lastGeneral - 3)),
        }));

        foreach (var reader in readers)
        {
            var mine = (await As<ListMyChannelsHandler>(reader).HandleAsync(new ListMyChannels())).Value;
            mine.Single(c => c.Id == general).Unread.ShouldBe(reader == "dan" ? 1 : 0, reader);
            mine.Single(c => c.Id == random).Unread.ShouldBe(2, reader);
        }
    }

    [Fact]
    public async Task Reading_a_public_channel_one_has_not_joined_is_done_and_a_private_one_one_is_not_in_does_not_exist()
    {
        var open = (await As<CreateChannelHandler>("dan").HandleAsync(new CreateChannel("open-plans", ChannelKind.Public))).Value.ChannelId;
        var secret = (await As<CreateChannelHandler>("dan").HandleAsync(new CreateChannel("secret-plans", ChannelKind.Private))).Value.ChannelId;
        await As<SendMessageHandler>("dan").HandleAsync(new SendMessage(open, Guid.NewGuid(), "roadmap"));
        var events = new List<ChatEvent>();
        using var watching = _workspace.Services.GetRequiredService<IChatEvents>().SubscribeUser(_users["bob"], e =>
        {
            lock (events)
            {
                events.Add(e);
            }

            return Task.CompletedTask;
        });

        var readOpen = await As<MarkReadHandler>("bob").HandleAsync(new MarkRead(open, 1));
        var readSecret = await As<MarkReadHandler>("bob").HandleAsync(new MarkRead(secret, 1));
        var unreadSecret = await As<MarkReadHandler>("bob").HandleAsync(new MarkRead(secret, 1, Unread: true));

        readOpen.Succeeded.ShouldBeTrue();
        readSecret.Error!.Code.ShouldBe("channel.not_found");
        unreadSecret.Error!.Code.ShouldBe("channel.not_found");
        await using var db = _workspace.NewContext();
        (await db.ChannelMembers.AnyAsync(m => m.UserId == _users["bob"] && (m.ChannelId == open || m.ChannelId == secret))).ShouldBeFalse();
        lock (events)
        {
            events.ShouldBeEmpty("bob's other tabs have no read state to follow in channels he is not in");
        }
    }

    private async Task<long> LastSequenceAsync(Guid channelId)
    {
        await using var db = _workspace.NewContext();
        return await db.Channels.Where(c => c.Id == channelId).Select(c => c.LastSequence).SingleAsync();
    }

    [Fact]
    public async Task Reactions_toggle_per_user_and_emoji_and_outsiders_or_unknown_emoji_are_refused()
    {
        var channels = (await As<ListMyChannelsHandler>("dan").HandleAsync(new ListMyChannels())).Value;
        var general = channels.Single(c => c.Name == "general").Id;
        var engineering = channels.Single(c => c.Name == "engineering").Id;
        var message = (await As<SendMessageHandler>("dan").HandleAsync(new SendMessage(general, Guid.NewGuid(), "Ship it?"))).Value;
        var secret = (await As<SendMessageHandler>("dan").HandleAsync(new SendMessage(engineering, Guid.NewGuid(), "Secret"))).Value;

        await As<ToggleReactionHandler>("bob").HandleAsync(new ToggleReaction(message.Id, "thumbsup"));
        await As<ToggleReactionHandler>("erin").HandleAsync(new ToggleReaction(message.Id, "thumbsup"));
        await As<ToggleReactionHandler>("erin").HandleAsync(new ToggleReaction(message.Id, "rocket"));
        var afterUndo = (await As<ToggleReactionHandler>("erin").HandleAsync(new ToggleReaction(message.Id, "rocket"))).Value;
        var unknown = await As<ToggleReactionHandler>("bob").HandleAsync(new ToggleReaction(message.Id, "<script>"));
        var outsider = await As<ToggleReactionHandler>("bob").HandleAsync(new ToggleReaction(secret.Id, "thumbsup"));

        afterUndo.Reactions.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.EmojiId.ShouldBe("thumbsup"),
            r => r.Glyph.ShouldBe("👍"),
            r => r.Count.ShouldBe(2),
            r => r.UserNames.ShouldBe(["Bob Baker", "Erin Engineer"]));
        afterUndo.ReactionRevision.ShouldBe(4);
        unknown.Error!.Code.ShouldBe("reaction.unknown_emoji");
        outsider.Error!.Code.ShouldBe("message.not_found");
        var history = (await As<Chat.Application.Messages.GetHistory.GetHistoryHandler>("dan")
            .HandleAsync(new Chat.Application.Messages.GetHistory.GetHistory(general))).Value;
        history.Single(m => m.Id == message.Id).Reactions.Single().Count.ShouldBe(2);
        await using var db = _workspace.NewContext();
        (await db.Reactions.CountAsync(r => r.MessageId == secret.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Opening_a_direct_message_twice_from_either_side_gives_one_private_conversation()
    {
        var results = await Task.WhenAll(
            As<OpenDirectMessageHandler>("bob").HandleAsync(new OpenDirectMessage([_users["erin"]])),
            As<OpenDirectMessageHandler>("erin").HandleAsync(new OpenDirectMessage([_users["bob"]])),
            As<OpenDirectMessageHandler>("bob").HandleAsync(new OpenDirectMessage([_users["erin"], _users["bob"]])));

        results.Select(r => r.Value.ChannelId).Distinct().ShouldHaveSingleItem();
        var dm = results[0].Value;
        dm.Kind.ShouldBe(ChannelKind.Direct);
        await As<SendMessageHandler>("bob").HandleAsync(new SendMessage(dm.ChannelId, Guid.NewGuid(), "psst"));
        var outsider = await As<Chat.Application.Messages.GetHistory.GetHistoryHandler>("dan")
            .HandleAsync(new Chat.Application.Messages.GetHistory.GetHistory(dm.ChannelId));
        outsider.Error!.Code.ShouldBe("channel.not_found");
        var bobsSidebar = (await As<ListMyChannelsHandler>("bob").HandleAsync(new ListMyChannels())).Value;
        bobsSidebar.Single(c => c.Id == dm.ChannelId).Title.ShouldBe("Erin Engineer");
        var erinsSidebar = (await As<ListMyChannelsHandler>("erin").HandleAsync(new ListMyChannels())).Value;
        erinsSidebar.Single(c => c.Id == dm.ChannelId).Unread.ShouldBe(1);
    }

    [Fact]
    public async Task Group_messages_take_up_to_eight_known_people_and_dm_names_cannot_be_squatted()
    {
        var group = await As<OpenDirectMessageHandler>("alice").HandleAsync(new OpenDirectMessage([_users["bob"], _users["carol"]]));
        var unknown = await As<OpenDirectMessageHandler>("alice").HandleAsync(new OpenDirectMessage(["no-such-user"]));
        var squat = await As<CreateChannelHandler>("dan").HandleAsync(new CreateChannel(group.Value.Name, ChannelKind.Public));

        group.Value.Kind.ShouldBe(ChannelKind.Group);
        unknown.Error!.Code.ShouldBe("dm.unknown_person");
        squat.Error!.Code.ShouldBe("channel.name.reserved");
        (await As<LeaveChannelHandler>("bob").HandleAsync(new LeaveChannel(group.Value.ChannelId))).Error!.Code
            .ShouldBe("channel.leave_direct");
    }

    [Fact]
    public async Task The_people_search_finds_colleagues_by_name_or_email_but_not_the_searcher()
    {
        var byName = (await As<SearchPeopleHandler>("bob").HandleAsync(new SearchPeople("eng"))).Value;
        var byMail = (await As<SearchPeopleHandler>("bob").HandleAsync(new SearchPeople("CAROL@"))).Value;
        var everyone = (await As<SearchPeopleHandler>("bob").HandleAsync(new SearchPeople(""))).Value;

        byName.Select(p => p.DisplayName).ShouldBe(["Erin Engineer"]);
        byMail.Select(p => p.Email).ShouldBe(["carol@demo.chat"]);
        everyone.Select(p => p.DisplayName).ShouldNotContain("Bob Baker");
        everyone.Count.ShouldBe(4);
    }
}
