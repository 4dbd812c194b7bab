using Chat.Application.Channels;
using Chat.Application.Messages;
using Chat.Application.People;
using Chat.Domain.Channels;
using Chat.Domain.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.E2E.Tests;

/// <summary>Channels and messages of the demo workspace stored straight through the app's stores (no live events).</summary>
public static class DemoData
{
    public static async Task<string> UserIdAsync(this AppServer app, string handle) =>
        (await app.Services.GetRequiredService<IUserDirectory>().SearchAsync(handle, 1, CancellationToken.None)).Single().Id;

    /// <summary>A channel owned by <paramref name="owner"/> with <paramref name="members"/> in it, holding <paramref name="count"/> messages.</summary>
    public static async Task<Guid> SeedChannelAsync(
        this AppServer app, string name, string owner, int count, ChannelKind kind = ChannelKind.Public, params string[] members)
    {
        var ownerId = await app.UserIdAsync(owner);
        var channel = Channel.Create(ChannelName.Create(name).Value, kind, ownerId, DateTimeOffset.UtcNow).Value;
        foreach (var member in members)
        {
            channel.AddMember(await app.UserIdAsync(member), DateTimeOffset.UtcNow);
        }

        (await app.Services.GetRequiredService<IChannelStore>().AddAsync(channel, CancellationToken.None)).ShouldBeTrue();
        await app.PostAsync(channel.Id, ownerId, count, i => $"history message {i}");
        return channel.Id;
    }

    /// <summary>Moves <paramref name="handle"/>'s read cursor in the channel to <paramref name="sequence"/>.</summary>
    public static async Task MarkReadAsync(this AppServer app, Guid channelId, string handle, long sequence) =>
        (await app.Services.GetRequiredService<IChannelStore>()
            .MarkReadAsync(channelId, await app.UserIdAsync(handle), sequence, CancellationToken.None)).ShouldBeTrue();

    /// <summary>Stores <paramref name="count"/> messages from <paramref name="senderId"/>, the n-th (from 1) with <paramref name="text"/>(n).</summary>
    public static async Task<IReadOnlyList<MessageDto>> PostAsync(
        this AppServer app, Guid channelId, string senderId, int count, Func<int, string> text, IReadOnlyList<string>? mentioned = null,
        DateTimeOffset? at = null)
    {
        var messages = app.Services.GetRequiredService<IMessageStore>();
        var posted = new List<MessageDto>();
        for (var i = 1; i <= count; i++)
        {
            var appended = await messages.AppendAsync(
                new NewMessage(channelId, senderId, Guid.NewGuid(), MessageBody.Create(text(i)).Value, at ?? DateTimeOffset.UtcNow)
                {
                    MentionedUserIds = mentioned ?? [],
                },
                CancellationToken.None);
            posted.Add(appended.Message);
        }

        return posted;
    }

    public static async Task PinAsync(this AppServer app, Guid messageId, string handle)
    {
        var userId = await app.UserIdAsync(handle);
        (await app.Services.GetRequiredService<IMessageStore>()
            .ChangeAsync(messageId, m => m.SetPinned(true, userId, DateTimeOffset.UtcNow), CancellationToken.None)).Succeeded.ShouldBeTrue();
    }
}
