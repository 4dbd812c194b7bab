using Chat.Application.Events;
using Chat.Application.Messages;
using Chat.Domain.Common;
using Chat.Domain.Messages;

namespace Chat.Web.Tests.Support;

/// <summary>Messages for component tests, with the same sequence and idempotency contract as the database store.</summary>
public sealed class InMemoryMessageStore : IMessageStore
{
    private readonly List<MessageDto> _messages = [];

    public IReadOnlyList<MessageDto> All => _messages;

    public MessageDto Add(Guid channelId, string body, string sender = "bob", string senderName = "Bob", DateTimeOffset? at = null)
    {
        var sequence = _messages.Count(m => m.ChannelId == channelId) + 1;
        var message = new MessageDto(
            Guid.NewGuid(), channelId, sequence, sender, senderName, body, System.Net.WebUtility.HtmlEncode(body), at ?? DateTimeOffset.UtcNow, 1);
        _messages.Add(message);
        return message;
    }

    /// <summary>Stores a changed copy of a message held, as a use case would.</summary>
    public MessageDto Replace(MessageDto message)
    {
        _messages[_messages.FindIndex(m => m.Id == message.Id)] = message;
        return message;
    }

    public MessageDto Reply(MessageDto root, string body, string sender = "bob", bool alsoInChannel = false)
    {
        var reply = Add(root.ChannelId, body, sender, sender) with { ThreadRootId = root.Id, AlsoInChannel = alsoInChannel };
        _messages[^1] = reply;
        var replies = _messages.Where(m => m.ThreadRootId == root.Id).ToList();
        var index = _messages.FindIndex(m => m.Id == root.Id);
        _messages[index] = _messages[index] with
        {
            Thread = new ThreadSummaryDto(
                replies.Count, reply.CreatedAt, [.. replies.Select(r => r.SenderId).Distinct()], [.. replies.Select(r => r.SenderName).Distinct()]),
        };
        return reply;
    }

    public Task<AppendResult> AppendAsync(NewMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(new AppendResult(
            message.ThreadRootId is { } rootId
                ? Reply(_messages.Single(m => m.Id == rootId), message.Body.Value, message.SenderId, message.AlsoInChannel)
                : Add(message.ChannelId, message.Body.Value, message.SenderId, message.SenderId),
            Created: true));

    public Task<MessageDto?> FindSentAsync(string senderId, Guid clientMessageId, CancellationToken cancellationToken) =>
        Task.FromResult<MessageDto?>(null);

    public Task<MessageDto?> FindAsync(Guid messageId, CancellationToken cancellationToken) =>
        Task.FromResult(_messages.FirstOrDefault(m => m.Id == messageId));

    public Task<IReadOnlyList<MessageDto>> ListByIdsAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MessageDto>>([.. _messages.Where(m => messageIds.Contains(m.Id))]);

    public Task<IReadOnlyList<MessageDto>> ListRepliesAsync(Guid rootMessageId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MessageDto>>([.. _messages.Where(m => m.ThreadRootId == rootMessageId).TakeLast(limit)]);

    public Task<Result<MessageDto>> ChangeAsync(Guid messageId, Func<Message, Result> change, CancellationToken cancellationToken)
    {
        var index = _messages.FindIndex(m => m.Id == messageId);
        if (index < 0)
        {
            return Task.FromResult<Result<MessageDto>>(Error.NotFound("message.not_found", "No such message."));
        }

        var stored = _messages[index];
        var message = Message.Post(stored.ChannelId, stored.Sequence, stored.SenderId, Guid.NewGuid(), MessageBody.Create(stored.Body).Value, stored.CreatedAt);
        if (stored.IsPinned)
        {
            message.SetPinned(true, stored.SenderId, stored.CreatedAt);
        }

        // The rebuilt entity starts at its own version; only the change's bumps count on top of the stored one.
        var baseline = message.Version;

        var changed = change(message);
        if (!changed.Succeeded)
        {
            return Task.FromResult<Result<MessageDto>>(changed.Error!);
        }

        _messages[index] = stored with
        {
            Body = message.Body,
            BodyHtml = System.Net.WebUtility.HtmlEncode(message.Body),
            Version = stored.Version + message.Version - baseline,
            EditedAt = message.EditedAt,
            IsDeleted = message.IsDeleted,
            IsPinned = message.PinnedAt is not null,
        };
        return Task.FromResult(Result<MessageDto>.Success(_messages[index]));
    }

    public Task<MessageDto> ToggleReactionAsync(
        Guid messageId, string userId, string emojiId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var index = _messages.FindIndex(m => m.Id == messageId);
        var message = _messages[index];
        var reactions = message.Reactions.ToList();
        var existing = reactions.FindIndex(r => r.EmojiId == emojiId);
        if (existing < 0)
        {
            reactions.Add(new ReactionDto(emojiId, Emoji.Known[emojiId], [userId], [userId]));
        }
        else if (reactions[existing].UserIds.Contains(userId))
        {
            var users = reactions[existing].UserIds.Where(u => u != userId).ToList();
            if (users.Count == 0)
            {
                reactions.RemoveAt(existing);
            }
            else
            {
                reactions[existing] = reactions[existing] with { UserIds = users, UserNames = users };
            }
        }
        else
        {
            reactions[existing] = reactions[existing] with
            {
                UserIds = [.. reactions[existing].UserIds, userId],
                UserNames = [.. reactions[existing].UserNames, userId],
            };
        }

        _messages[index] = message with { Reactions = reactions, ReactionRevision = message.ReactionRevision + 1 };
        return Task.FromResult(_messages[index]);
    }

    public Task<IReadOnlyList<MessageDto>> ListPinnedAsync(Guid channelId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MessageDto>>([.. _messages.Where(m => m.ChannelId == channelId && m.IsPinned)]);

    public Task<IReadOnlyList<MessageDto>> ListAfterAsync(Guid channelId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MessageDto>>(_messages
            .Where(m => m.ChannelId == channelId && m.Sequence > afterSequence).OrderBy(m => m.Sequence).Take(limit).ToList());

    public Task<IReadOnlyList<MessageDto>> ListBeforeAsync(Guid channelId, long? beforeSequence, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MessageDto>>(_messages
            .Where(m => m.ChannelId == channelId && m.Sequence < (beforeSequence ?? long.MaxValue))
            .OrderByDescending(m => m.Sequence).Take(limit).Reverse().ToList());
}

/// <summary>Chat events delivered synchronously, so a test decides exactly what arrives and when.</summary>
public sealed class RecordingChatEvents : IChatEvents
{
    private readonly List<(Guid ChannelId, Func<ChatEvent, Task> Handler)> _subscribers = [];

    public int SubscriberCount => _subscribers.Count;

    public IEnumerable<(Guid ChannelId, Func<ChatEvent, Task> Handler)> Subscriptions => _subscribers;

    public void Publish(ChatEvent chatEvent) => DeliverAsync(chatEvent).GetAwaiter().GetResult();

    public async Task DeliverAsync(ChatEvent chatEvent)
    {
        foreach (var (channelId, handler) in _subscribers.ToList())
        {
            if (channelId == chatEvent.ChannelId)
            {
                await handler(chatEvent);
            }
        }
    }

    public List<(string UserId, ChatEvent Event)> ToUsers { get; } = [];

    private readonly List<(string UserId, Func<ChatEvent, Task> Handler)> _userSubscribers = [];

    public int UserSubscriberCount => _userSubscribers.Count;

    public void PublishToUser(string userId, ChatEvent chatEvent)
    {
        ToUsers.Add((userId, chatEvent));
        foreach (var (subscriber, handler) in _userSubscribers.ToList())
        {
            if (subscriber == userId)
            {
                handler(chatEvent).GetAwaiter().GetResult();
            }
        }
    }

    public IDisposable SubscribeUser(string userId, Func<ChatEvent, Task> handler)
    {
        var entry = (userId, handler);
        _userSubscribers.Add(entry);
        return new Unsubscriber(() => _userSubscribers.Remove(entry));
    }

    public IDisposable Subscribe(Guid channelId, Func<ChatEvent, Task> handler)
    {
        var entry = (channelId, handler);
        _subscribers.Add(entry);
        return new Unsubscriber(() => _subscribers.Remove(entry));
    }

    private sealed class Unsubscriber(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
