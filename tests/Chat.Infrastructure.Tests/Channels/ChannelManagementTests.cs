using Chat.Application.Channels.AddMembers;
using Chat.Application.Channels.ArchiveChannel;
using Chat.Application.Channels.ListMyChannels;
using Chat.Application.Channels.RemoveMember;
using Chat.Application.Channels.RenameChannel;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.Messages.GetHistory;
using Chat.Application.Messages.SendMessage;
using Chat.Application.People.OpenDirectMessage;
using Chat.Domain.Common;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Channels;

/// <summary>Renaming, archiving and managing members through the real use cases, stores and events.</summary>
public sealed class ChannelManagementTests : IAsyncLifetime
{
    private TestWorkspace _workspace = default!;
    private Dictionary<string, string> _users = default!;
    private Dictionary<string, Guid> _channels = default!;

    public async Task InitializeAsync()
    {
        _workspace = await TestWorkspace.InitializedAsync(new Dictionary<string, string?> { ["Bootstrap:SeedDemoWorkspace"] = "true" });
        await using var db = _workspace.NewContext();
        _users = await db.Users.ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u.Id);
        _channels = await db.Channels.ToDictionaryAsync(c => c.Name, c => c.Id);
    }

    public Task DisposeAsync() => _workspace.DisposeAsync().AsTask();

    [Fact]
    public async Task The_owner_renames_and_viewers_are_told_while_a_plain_member_is_refused()
    {
        var random = _channels["random"];
        var heard = new TaskCompletionSource<ChannelChanged>();
        using var watching = Events.Subscribe(random, e =>
        {
            if (e is ChannelChanged changed)
            {
                heard.TrySetResult(changed);
            }

            return Task.CompletedTask;
        });

        var refused = await As<RenameChannelHandler>("bob").HandleAsync(new RenameChannel(random, "watercooler"));
        var renamed = await As<RenameChannelHandler>("alice").HandleAsync(new RenameChannel(random, "watercooler"));

        refused.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        renamed.Value.Name.ShouldBe("watercooler");
        (await heard.Task.WaitAsync(TimeSpan.FromSeconds(5))).Name.ShouldBe("watercooler");
    }

    [Fact]
    public async Task A_name_another_channel_has_is_refused()
    {
        var renamed = await As<RenameChannelHandler>("alice").HandleAsync(new RenameChannel(_channels["random"], "general"));

        renamed.Error!.Code.ShouldBe("channel.name_taken");
        await using var db = _workspace.NewContext();
        (await db.Channels.CountAsync(c => c.Name == "random")).ShouldBe(1);
    }

    [Fact]
    public async Task An_archived_channel_leaves_the_sidebar_refuses_posts_and_comes_back_when_unarchived()
    {
        var random = _channels["random"];
        await As<SendMessageHandler>("bob").HandleAsync(new SendMessage(random, Guid.NewGuid(), "before the archive"));

        (await As<ArchiveChannelHandler>("bob").HandleAsync(new ArchiveChannel(random, true))).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await As<ArchiveChannelHandler>("alice").HandleAsync(new ArchiveChannel(random, true))).Succeeded.ShouldBeTrue();

        (await SidebarAsync("bob")).ShouldNotContain(random);
        (await As<SendMessageHandler>("bob").HandleAsync(new SendMessage(random, Guid.NewGuid(), "after"))).Error!.Code
            .ShouldBe("channel.archived");
        (await As<GetHistoryHandler>("bob").HandleAsync(new GetHistory(random))).Value.ShouldHaveSingleItem();

        await As<ArchiveChannelHandler>("alice").HandleAsync(new ArchiveChannel(random, false));
        (await SidebarAsync("bob")).ShouldContain(random);
    }

    [Fact]
    public async Task A_workspace_administrator_manages_a_channel_they_do_not_own()
    {
        var general = _channels["general"];
        await using (var db = _workspace.NewContext())
        {
            // Hand the channel to someone else, so only the administrator role can allow it.
            await db.ChannelMembers.Where(m => m.ChannelId == general && m.UserId == _users["alice"]).ExecuteDeleteAsync();
        }

        var renamed = await As<RenameChannelHandler>("alice", WorkspaceRoles.WorkspaceAdmin)
            .HandleAsync(new RenameChannel(general, "company"));

        renamed.Value.Name.ShouldBe("company");
    }

    [Fact]
    public async Task Members_invite_into_a_private_channel_and_the_owner_removes_who_then_cannot_read_it()
    {
        var engineering = _channels["engineering"];
        var bobHeard = new TaskCompletionSource<MembersChanged>();
        using var bobsStream = Events.SubscribeUser(_users["bob"], e =>
        {
            if (e is MembersChanged changed)
            {
                bobHeard.TrySetResult(changed);
            }

            return Task.CompletedTask;
        });

        var outsiderInvites = await As<AddMembersHandler>("carol").HandleAsync(new AddMembers(engineering, [_users["carol"]]));
        (await As<AddMembersHandler>("dan").HandleAsync(new AddMembers(engineering, [_users["bob"]]))).Succeeded.ShouldBeTrue();

        outsiderInvites.Error!.Code.ShouldBe("channel.not_found");
        (await bobHeard.Task.WaitAsync(TimeSpan.FromSeconds(5))).Added.ShouldBe([_users["bob"]]);
        (await As<GetHistoryHandler>("bob").HandleAsync(new GetHistory(engineering))).Succeeded.ShouldBeTrue();

        (await As<RemoveMemberHandler>("dan").HandleAsync(new RemoveMember(engineering, _users["bob"]))).Error!.Kind
            .ShouldBe(ErrorKind.Forbidden);
        (await As<RemoveMemberHandler>("alice").HandleAsync(new RemoveMember(engineering, _users["bob"]))).Succeeded.ShouldBeTrue();

        (await As<GetHistoryHandler>("bob").HandleAsync(new GetHistory(engineering))).Error!.Code.ShouldBe("channel.not_found");
        (await SidebarAsync("bob")).ShouldNotContain(engineering);
    }

    [Fact]
    public async Task Opening_a_new_direct_message_tells_the_other_person_at_once()
    {
        var erinHeard = new TaskCompletionSource<MembersChanged>();
        using var erinsStream = Events.SubscribeUser(_users["erin"], e =>
        {
            if (e is MembersChanged changed)
            {
                erinHeard.TrySetResult(changed);
            }

            return Task.CompletedTask;
        });

        var opened = await As<OpenDirectMessageHandler>("bob").HandleAsync(new OpenDirectMessage([_users["erin"]]));

        (await erinHeard.Task.WaitAsync(TimeSpan.FromSeconds(5))).ChannelId.ShouldBe(opened.Value.ChannelId);
    }

    private IChatEvents Events => _workspace.Services.GetRequiredService<IChatEvents>();

    private THandler As<THandler>(string user, params string[] roles)
        where THandler : notnull =>
        _workspace.Handler<THandler>(_users[user], roles);

    private async Task<List<Guid>> SidebarAsync(string user) =>
        [.. (await As<ListMyChannelsHandler>(user).HandleAsync(new ListMyChannels())).Value.Select(c => c.Id)];
}
