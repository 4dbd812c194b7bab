using System.Security.Claims;
using Chat.Application.Channels.ListMyChannels;
using Chat.Application.Channels.MarkRead;
using Chat.Application.Messages;
using Chat.Application.Messages.GetHistory;
using Chat.Application.Messages.SendMessage;
using Chat.Application.Messages.StartTyping;
using Chat.Application.Presence;
using Chat.Application.Presence.WatchPresence;
using Chat.Domain.Common;
using Chat.Web.Endpoints.Api;
using Chat.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Web.Hubs;

/// <summary>
/// The real-time API for other clients at <c>/hubs/chat</c>, signed in by access token. A connection is placed in its
/// user's channels' groups and receives their events (named after the event: MessagePosted, MessageEdited…, each with
/// its channel id, messages with their sequence). Its first call runs once it is in those groups, so a client that
/// syncs right after connecting misses nothing in between. Refusals are hub errors whose message starts with a stable
/// code.
/// </summary>
[Authorize(Policy = ApiEndpoints.Policy)]
internal sealed class ChatHub(
    IServiceProvider services, HubConnections connections, IPresence presence, IHubContext<ChatHub> hub) : Hub
{
    public const string Path = "/hubs/chat";

    /// <summary>How many messages a sync returns per channel at most; past that it says there are more.</summary>
    public const int SyncLimit = 1000;

    public override async Task OnConnectedAsync()
    {
        var tokenId = Guid.TryParse(Context.User?.FindFirstValue(AccessTokenAuthentication.TokenIdClaim), out var id) ? id : (Guid?)null;
        if (!connections.TryAdd(Context, Context.UserIdentifier!, tokenId))
        {
            throw new HubException("connection.limit: Too many connections are open for this user. Close one and try again.");
        }

        var channels = Unwrap(await Use<ListMyChannelsHandler>().HandleAsync(new ListMyChannels(), Context.ConnectionAborted));
        foreach (var channel in channels)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Channel(channel.Id), Context.ConnectionAborted);
        }

        // A connected client makes its user present, and hears the presence of the people it has conversations with.
        connections.Hold(Context.ConnectionId, presence.Connected(Context.UserIdentifier!));
        var connectionId = Context.ConnectionId;
        var peers = channels.SelectMany(c => c.PeerIds).Distinct().Take(WatchPresenceHandler.MaxUsers).ToList();
        var watch = Unwrap(await Use<WatchPresenceHandler>().HandleAsync(
            new WatchPresence(peers, (userId, status) => hub.Clients.Client(connectionId).SendAsync("PresenceChanged", new PresenceChanged(userId, status))),
            Context.ConnectionAborted));
        connections.Hold(connectionId, watch.Subscription);
        foreach (var (userId, status) in watch.Statuses)
        {
            await Clients.Caller.SendAsync("PresenceChanged", new PresenceChanged(userId, status), Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Sends a message; sending again with the same client message id returns the stored one (the acknowledgement).</summary>
    public async Task<MessageDto> SendMessage(HubMessage message)
    {
        Required(message, nameof(message));
        return Unwrap(await Use<SendMessageHandler>().HandleAsync(
            new SendMessage(message.ChannelId, message.ClientMessageId, message.Body, message.ThreadRootId, message.AlsoSendToChannel),
            Context.ConnectionAborted));
    }

    public async Task MarkRead(Guid channelId, long sequence) =>
        Unwrap(await Use<MarkReadHandler>().HandleAsync(new MarkRead(channelId, sequence), Context.ConnectionAborted));

    public async Task StartTyping(Guid channelId) =>
        Unwrap(await Use<StartTypingHandler>().HandleAsync(new StartTyping(channelId), Context.ConnectionAborted));

    /// <summary>
    /// Everything posted after each given sequence, oldest first: what a client missed while it was away. A channel
    /// it may not read answers with an error code instead, like one that does not exist.
    /// </summary>
    public async Task<IReadOnlyList<ChannelCatchUp>> Sync(IReadOnlyList<SyncPoint> since)
    {
        Required(since, nameof(since));
        if (since.Any(point => point is null))
        {
            throw new HubException("request.missing: every sync point needs a channel id and a sequence.");
        }

        var history = Use<GetHistoryHandler>();
        var caughtUp = new List<ChannelCatchUp>();
        foreach (var point in since.DistinctBy(p => p.ChannelId))
        {
            caughtUp.Add(await CatchUpAsync(history, point));
        }

        return caughtUp;
    }

    private async Task<ChannelCatchUp> CatchUpAsync(GetHistoryHandler history, SyncPoint point)
    {
        var messages = new List<MessageDto>();
        var after = point.Sequence;
        while (true)
        {
            var page = await history.HandleAsync(
                new GetHistory(point.ChannelId, AfterSequence: after, Limit: GetHistory.MaxLimit), Context.ConnectionAborted);
            if (!page.Succeeded)
            {
                return new ChannelCatchUp(point.ChannelId, [], false, page.Error!.Code);
            }

            messages.AddRange(page.Value);
            if (page.Value.Count < GetHistory.MaxLimit)
            {
                return new ChannelCatchUp(point.ChannelId, messages, false);
            }

            if (messages.Count >= SyncLimit)
            {
                return new ChannelCatchUp(point.ChannelId, messages, true);
            }

            after = page.Value[^1].Sequence;
        }
    }

    private T Use<T>() where T : class => RequestActor.Handler<T>(services, Context.User!);

    // A missing argument is the caller's mistake, answered like any refusal (HubFailureLog keeps it out of the error log).
    private static void Required(object? argument, string name)
    {
        if (argument is null)
        {
            throw new HubException($"request.missing: {name} is required.");
        }
    }

    private static T Unwrap<T>(Result<T> result) =>
        result.Succeeded ? result.Value : throw new HubException($"{result.Error!.Code}: {result.Error.Message}");
}

/// <param name="ClientMessageId">A new GUID per message, kept when retrying: a retry never posts it twice.</param>
public sealed record HubMessage(Guid ChannelId, Guid ClientMessageId, string Body, Guid? ThreadRootId = null, bool AlsoSendToChannel = false);

/// <summary>Sent to a client: someone it has a conversation with is now online, away, offline or not to be disturbed.</summary>
public sealed record PresenceChanged(string UserId, PresenceStatus Status);

/// <summary>The last sequence a client holds of a channel.</summary>
public sealed record SyncPoint(Guid ChannelId, long Sequence);

/// <param name="HasMore">More than the sync limit were missed: page on with the REST history.</param>
/// <param name="Error">The code of the refusal, when the channel cannot be read.</param>
public sealed record ChannelCatchUp(Guid ChannelId, IReadOnlyList<MessageDto> Messages, bool HasMore, string? Error = null);
