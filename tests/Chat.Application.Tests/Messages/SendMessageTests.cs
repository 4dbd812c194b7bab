using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.Files;
using Chat.Application.Messages;
using Chat.Application.Messages.SendMessage;
using Chat.Application.People;
using Chat.Application.Presence;
using Chat.Domain.Channels;
using Chat.Domain.Common;
using Chat.Domain.Messages;
using NSubstitute;

namespace Chat.Application.Tests.Messages;

public class SendMessageTests
{
    private readonly Guid _channelId = Guid.NewGuid();
    private readonly IChannelStore _channels = Substitute.For<IChannelStore>();
    private readonly IMessageStore _messages = Substitute.For<IMessageStore>();
    private readonly IChatEvents _events = Substitute.For<IChatEvents>();
    private readonly IRateLimits _limits = Substitute.For<IRateLimits>();
    private readonly IUserDirectory _people = Substitute.For<IUserDirectory>();
    private readonly IPresence _presence = Substitute.For<IPresence>();
    private bool _storesNew = true;

    public SendMessageTests()
    {
        _limits.TryAcquireSend("ann").Returns(true);
        _messages.AppendAsync(default!, default)
            .ReturnsForAnyArgs(call => new AppendResult(Stored(call.Arg<NewMessage>().Body.Value), _storesNew));
    }

    private SendMessageHandler Handler() =>
        new(FixedActor.User("ann"), _channels, _messages, _people, _presence, Substitute.For<IFileRecords>(), _events, _limits, TimeProvider.System);

    private MessageDto Stored(string body) =>
        new(Guid.NewGuid(), _channelId, 1, "ann", "Ann", body, body, DateTimeOffset.UtcNow, 1);

    private void ChannelIs(ChannelKind kind, bool archived, ChannelRole? role) =>
        _channels.GetAccessAsync(_channelId, "ann", default)
            .ReturnsForAnyArgs(new ChannelAccess(_channelId, "c", kind, archived, role));

    [Fact]
    public async Task A_member_posts_and_viewers_are_told_after_it_was_stored()
    {
        ChannelIs(ChannelKind.Public, archived: false, ChannelRole.Member);

        var sent = await Handler().HandleAsync(new SendMessage(_channelId, Guid.NewGuid(), "hi"));

        sent.Value.Body.ShouldBe("hi");
        Received.InOrder(() =>
        {
            _messages.AppendAsync(Arg.Is<NewMessage>(m => m.ChannelId == _channelId && m.SenderId == "ann"), Arg.Any<CancellationToken>());
            _events.Publish(Arg.Is<MessagePosted>(e => e.Message.Body == "hi"));
        });
    }

    [Fact]
    public async Task A_retry_that_found_the_stored_message_announces_nothing_again()
    {
        ChannelIs(ChannelKind.Public, archived: false, ChannelRole.Member);
        _storesNew = false;

        (await Handler().HandleAsync(new SendMessage(_channelId, Guid.NewGuid(), "hi"))).Succeeded.ShouldBeTrue();

        _events.DidNotReceiveWithAnyArgs().Publish(default!);
    }

    [Theory]
    [InlineData(ChannelKind.Public, true, ChannelRole.Member, "channel.archived")]
    [InlineData(ChannelKind.Public, false, null, "channel.not_member")]
    [InlineData(ChannelKind.Private, false, null, "channel.not_found")]
    [InlineData(ChannelKind.Direct, false, null, "channel.not_found")]
    public async Task Refusals_store_and_announce_nothing(ChannelKind kind, bool archived, ChannelRole? role, string code)
    {
        ChannelIs(kind, archived, role);

        var sent = await Handler().HandleAsync(new SendMessage(_channelId, Guid.NewGuid(), "hi"));

        sent.Error!.Code.ShouldBe(code);
        await _messages.DidNotReceiveWithAnyArgs().AppendAsync(default!, default);
        _events.DidNotReceiveWithAnyArgs().Publish(default!);
    }

    [Fact]
    public async Task Sending_too_fast_is_refused_with_a_clear_error()
    {
        ChannelIs(ChannelKind.Public, archived: false, ChannelRole.Member);
        _limits.TryAcquireSend("ann").Returns(false);

        var sent = await Handler().HandleAsync(new SendMessage(_channelId, Guid.NewGuid(), "hi"));

        sent.Error!.Kind.ShouldBe(ErrorKind.RateLimited);
        sent.Error.Message.ShouldContain("too fast");
        await _messages.DidNotReceiveWithAnyArgs().AppendAsync(default!, default);
    }

    [Fact]
    public async Task A_send_without_a_client_message_id_is_refused()
    {
        ChannelIs(ChannelKind.Public, archived: false, ChannelRole.Member);

        (await Handler().HandleAsync(new SendMessage(_channelId, Guid.Empty, "hi"))).Error!.Code
            .ShouldBe("message.client_id_missing");
    }
}
