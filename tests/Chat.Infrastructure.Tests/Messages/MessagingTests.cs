using Chat.Application.People;
using Chat.Application.Presence;
using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.Messages;
using Chat.Application.Messages.DeleteMessage;
using Chat.Application.Messages.EditMessage;
using Chat.Application.Messages.GetHistory;
using Chat.Application.Messages.ListPinned;
using Chat.Application.Messages.PinMessage;
using Chat.Application.Messages.SendMessage;
using Chat.Domain.Common;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Messages;

/// <summary>The real send and history use cases over the real stores and a SQLite file.</summary>
public sealed class MessagingTests : IAsyncLifetime
{
    private TestWorkspace _workspace = default!;
    private Dictionary<string, string> _users = default!;
    private Dictionary<string, Guid> _channels = default!;

    public async Task InitializeAsync()
    {
        // The send limit is checked on its own (RateLimitsTests); here senders go as fast as the store allows.
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
    public async Task Twenty_concurrent_senders_get_sequences_one_to_a_thousand_without_gaps()
    {
        var general = _channels["general"];
        var senders = _users.Values.ToList();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(sender => Task.Run(async () =>
        {
            var send = SendAs(senders[sender % senders.Count]);
            for (var i = 0; i < 50; i++)
            {
                var sent = await send.HandleAsync(new SendMessage(general, Guid.NewGuid(), $"sender {sender} message {i}"));
                sent.Succeeded.ShouldBeTrue(sent.Error?.Message);
            }
        })));

        await using var db = _workspace.NewContext();
        var sequences = await db.Messages.Where(m => m.ChannelId == general).Select(m => m.Sequence)
            .OrderBy(s => s).ToListAsync();
        sequences.ShouldBe(Enumerable.Range(1, 1000).Select(i => (long)i));
        (await db.Channels.SingleAsync(c => c.Id == general)).LastSequence.ShouldBe(1000);
    }

    [Fact]
    public async Task A_retried_send_after_a_lost_reply_returns_the_stored_message_and_stores_nothing_new()
    {
        var general = _channels["general"];
        var clientMessageId = Guid.NewGuid();
        var send = SendAs(_users["bob"]);
        var first = (await send.HandleAsync(new SendMessage(general, clientMessageId, "Deploy at five"))).Value;
        (await send.HandleAsync(new SendMessage(general, Guid.NewGuid(), "Something else"))).Value.Sequence.ShouldBe(2);

        // The reply to the first send was lost; the client retries, even with the text edited meanwhile.
        var retried = (await send.HandleAsync(new SendMessage(general, clientMessageId, "Deploy at five!"))).Value;

        retried.ShouldBeEquivalentTo(first);
        await using var db = _workspace.NewContext();
        (await db.Messages.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_send_store_it_once()
    {
        var general = _channels["general"];
        var clientMessageId = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            SendAs(_users["dan"]).HandleAsync(new SendMessage(general, clientMessageId, "Once only")))));

        results.Select(r => r.Value.Id).Distinct().ShouldHaveSingleItem();
        await using var db = _workspace.NewContext();
        (await db.Messages.CountAsync()).ShouldBe(1);
        (await db.Channels.SingleAsync(c => c.Id == general)).LastSequence.ShouldBe(1);
    }

    [Fact]
    public async Task History_pages_by_sequence_newest_first_then_older_then_after()
    {
        var random = _channels["random"];
        var send = SendAs(_users["erin"]);
        for (var i = 1; i <= 120; i++)
        {
            await send.HandleAsync(new SendMessage(random, Guid.NewGuid(), $"message {i}"));
        }

        var history = HistoryAs(_users["bob"]);
        var newest = (await history.HandleAsync(new GetHistory(random))).Value;
        var older = (await history.HandleAsync(new GetHistory(random, BeforeSequence: newest[0].Sequence))).Value;
        var after = (await history.HandleAsync(new GetHistory(random, AfterSequence: 115))).Value;

        newest.Select(m => m.Sequence).ShouldBe(Enumerable.Range(71, 50).Select(i => (long)i));
        newest[^1].Body.ShouldBe("message 120");
        newest[^1].SenderName.ShouldBe("Erin Engineer");
        older.Select(m => m.Sequence).ShouldBe(Enumerable.Range(21, 50).Select(i => (long)i));
        after.Select(m => m.Sequence).ShouldBe([116L, 117, 118, 119, 120]);
    }

    [Fact]
    public async Task Outsiders_cannot_post_to_or_read_a_private_channel_and_get_the_same_answer_as_for_a_missing_one()
    {
        var engineering = _channels["engineering"];
        await SendAs(_users["dan"]).HandleAsync(new SendMessage(engineering, Guid.NewGuid(), "Secret roadmap"));

        var post = await SendAs(_users["bob"]).HandleAsync(new SendMessage(engineering, Guid.NewGuid(), "Let me in"));
        var read = await HistoryAs(_users["bob"]).HandleAsync(new GetHistory(engineering));
        var missing = await HistoryAs(_users["bob"]).HandleAsync(new GetHistory(Guid.NewGuid()));

        post.Error!.Code.ShouldBe("channel.not_found");
        read.Error.ShouldBe(missing.Error);
        await using var db = _workspace.NewContext();
        (await db.Messages.CountAsync(m => m.ChannelId == engineering)).ShouldBe(1);
    }

    [Fact]
    public async Task Oversized_and_blank_messages_are_refused_and_nothing_is_stored()
    {
        var send = SendAs(_users["bob"]);

        var blank = await send.HandleAsync(new SendMessage(_channels["general"], Guid.NewGuid(), " \n\t "));
        var huge = await send.HandleAsync(new SendMessage(_channels["general"], Guid.NewGuid(), new string('x', 16_001)));

        blank.Error!.Code.ShouldBe("message.empty");
        huge.Error!.Code.ShouldBe("message.too_long");
        huge.Error.Kind.ShouldBe(ErrorKind.Invalid);
        await using var db = _workspace.NewContext();
        (await db.Messages.AnyAsync()).ShouldBeFalse();
        (await db.Channels.SingleAsync(c => c.Name == "general")).LastSequence.ShouldBe(0);
    }

    [Fact]
    public async Task The_sender_edits_and_deletes_while_others_are_refused_and_change_nothing()
    {
        var general = _channels["general"];
        var sent = (await SendAs(_users["bob"]).HandleAsync(new SendMessage(general, Guid.NewGuid(), "Meeting at 3"))).Value;

        var byOther = await EditAs(_users["dan"]).HandleAsync(new EditMessage(sent.Id, "Meeting cancelled"));
        var edited = await EditAs(_users["bob"]).HandleAsync(new EditMessage(sent.Id, "Meeting at **4**"));
        var deletedByOther = await DeleteAs(_users["dan"]).HandleAsync(new DeleteMessage(sent.Id));

        byOther.Error!.Code.ShouldBe("message.not_yours");
        deletedByOther.Error!.Code.ShouldBe("message.not_yours");
        edited.Value.Body.ShouldBe("Meeting at **4**");
        edited.Value.BodyHtml.ShouldBe("<p>Meeting at <strong>4</strong></p>");
        edited.Value.Version.ShouldBe(2);
        edited.Value.EditedAt.ShouldNotBeNull();

        var deleted = (await DeleteAs(_users["bob"]).HandleAsync(new DeleteMessage(sent.Id))).Value;
        var history = (await HistoryAs(_users["erin"]).HandleAsync(new GetHistory(general))).Value;

        deleted.IsDeleted.ShouldBeTrue();
        history.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            m => m.IsDeleted.ShouldBeTrue(),
            m => m.Body.ShouldBeEmpty(),
            m => m.BodyHtml.ShouldBeEmpty(),
            m => m.Sequence.ShouldBe(1));
    }

    [Fact]
    public async Task An_administrator_deletes_anyones_message_but_an_outsider_cannot_even_find_a_private_one()
    {
        var secret = (await SendAs(_users["dan"]).HandleAsync(new SendMessage(_channels["engineering"], Guid.NewGuid(), "Roadmap"))).Value;
        var loud = (await SendAs(_users["bob"]).HandleAsync(new SendMessage(_channels["general"], Guid.NewGuid(), "SPAM"))).Value;

        var outsider = await DeleteAs(_users["bob"]).HandleAsync(new DeleteMessage(secret.Id));
        var outsiderEdit = await EditAs(_users["bob"]).HandleAsync(new EditMessage(secret.Id, "x"));
        var moderated = await DeleteAs(_users["alice"], WorkspaceRoles.WorkspaceAdmin).HandleAsync(new DeleteMessage(loud.Id));

        outsider.Error!.Code.ShouldBe("message.not_found");
        outsiderEdit.Error!.Code.ShouldBe("message.not_found");
        moderated.Value.IsDeleted.ShouldBeTrue();
        (await HistoryAs(_users["dan"]).HandleAsync(new GetHistory(_channels["engineering"]))).Value.Single().Body.ShouldBe("Roadmap");
    }

    [Fact]
    public async Task Members_pin_and_unpin_and_the_pinned_list_follows_while_outsiders_cannot()
    {
        var general = _channels["general"];
        var first = (await SendAs(_users["bob"]).HandleAsync(new SendMessage(general, Guid.NewGuid(), "Runbook: https://example.com/runbook"))).Value;
        var second = (await SendAs(_users["dan"]).HandleAsync(new SendMessage(general, Guid.NewGuid(), "Holiday rota"))).Value;
        var secret = (await SendAs(_users["dan"]).HandleAsync(new SendMessage(_channels["engineering"], Guid.NewGuid(), "Keys"))).Value;
        var pin = ActivatorUtilities.CreateInstance<PinMessageHandler>(_workspace.Services, new FixedActor(_users["erin"]));
        var outsiderPin = ActivatorUtilities.CreateInstance<PinMessageHandler>(_workspace.Services, new FixedActor(_users["bob"]));
        var list = ActivatorUtilities.CreateInstance<ListPinnedHandler>(_workspace.Services, new FixedActor(_users["bob"]));

        (await pin.HandleAsync(new PinMessage(first.Id, true))).Value.IsPinned.ShouldBeTrue();
        (await pin.HandleAsync(new PinMessage(second.Id, true))).Value.Version.ShouldBe(2);
        (await pin.HandleAsync(new PinMessage(second.Id, true))).Value.Version.ShouldBe(2);
        (await pin.HandleAsync(new PinMessage(first.Id, false))).Value.IsPinned.ShouldBeFalse();
        var outsider = await outsiderPin.HandleAsync(new PinMessage(secret.Id, true));

        (await list.HandleAsync(new ListPinned(general))).Value.Select(m => m.Body).ShouldBe(["Holiday rota"]);
        outsider.Error!.Code.ShouldBe("message.not_found");
        (await list.HandleAsync(new ListPinned(_channels["engineering"]))).Error!.Code.ShouldBe("channel.not_found");
    }

    private EditMessageHandler EditAs(string userId) => _workspace.Handler<EditMessageHandler>(userId);

    private DeleteMessageHandler DeleteAs(string userId, params string[] roles) => _workspace.Handler<DeleteMessageHandler>(userId, roles);

    private SendMessageHandler SendAs(string userId) =>
        ActivatorUtilities.CreateInstance<SendMessageHandler>(_workspace.Services, (ICurrentActor)new FixedActor(userId));

    private GetHistoryHandler HistoryAs(string userId) => new(
        new FixedActor(userId),
        _workspace.Services.GetRequiredService<IChannelStore>(),
        _workspace.Services.GetRequiredService<IMessageStore>());
}
