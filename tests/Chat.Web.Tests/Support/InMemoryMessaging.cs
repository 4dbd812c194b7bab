using Chat.Application.Events;
using Chat.Application.Messages;
using Chat.Domain.Messages;

namespace Chat.Web.Tests.Support;

/// <summary>Messages for component tests, with the same sequence and idempotency contract as the database store.</summary>
public sealed class InMemoryMessageStore : IMessageStore
{
    private readonly List<MessageDto> _messages = [];

    public IReadOnlyList<MessageDto> All => _messages;

    public MessageDto Add(Guid channelId, string body, string sender = "bob", string senderName = "Bob")
    {
        var sequence = _messages.Count(m => m.ChannelId == channelId) + 1;
        var message = new MessageDto(
            Guid.NewGuid(), channelId, sequence, sender, senderName, body, System.Net.WebUtility.HtmlEncode(body), DateTimeOffset.UtcNow, 1);
        _messages.Add(message);
        return message;
    }

    public Task<AppendResult> AppendAsync(
        Guid channelId, string senderId, Guid clientMessageId, MessageBody body, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(new AppendResult(Add(channelId, body.Value, senderId, senderId), Created: true));

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
