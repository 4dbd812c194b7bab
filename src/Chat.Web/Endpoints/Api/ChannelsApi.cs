using Chat.Application.Channels;
using Chat.Application.Channels.AddMembers;
using Chat.Application.Channels.BrowseChannels;
using Chat.Application.Channels.CreateChannel;
using Chat.Application.Channels.JoinChannel;
using Chat.Application.Channels.LeaveChannel;
using Chat.Application.Channels.ListMembers;
using Chat.Application.Channels.ListMyChannels;
using Chat.Application.Channels.MarkRead;
using Chat.Application.Common;
using Chat.Application.Files.ListChannelFiles;
using Chat.Application.Messages;
using Chat.Application.Messages.GetHistory;
using Chat.Application.Messages.SendMessage;
using Chat.Application.People.OpenDirectMessage;
using Chat.Domain.Channels;
using Chat.Domain.Files;

namespace Chat.Web.Endpoints.Api;

internal static class ChannelsApi
{
    public static void MapChannelsApi(this RouteGroupBuilder api)
    {
        var channels = api.MapGroup("/channels").WithTags("Channels");
        channels.MapGet("/", (HttpContext context, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<ListMyChannelsHandler, IReadOnlyList<ChannelSummary>>(context, h => h.HandleAsync(new ListMyChannels(), cancellationToken)))
            .WithSummary("The channels and conversations the caller is in, with unread counts");
        channels.MapGet("/public", (HttpContext context, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<BrowseChannelsHandler, IReadOnlyList<PublicChannel>>(context, h => h.HandleAsync(new BrowseChannels(), cancellationToken)))
            .WithSummary("Every public channel, to browse and join");
        channels.MapPost("/", (HttpContext context, CreateChannelRequest body, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<CreateChannelHandler, ChannelAccess>(
                context, h => h.HandleAsync(new CreateChannel(body.Name, body.Private ? ChannelKind.Private : ChannelKind.Public, body.Topic, body.Purpose), cancellationToken),
                created => TypedResults.Created($"/api/v1/channels/{created.ChannelId}", created)))
            .WithSummary("Creates a channel; the caller becomes its owner");
        channels.MapPost("/{channelId:guid}/join", (HttpContext context, Guid channelId, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<JoinChannelHandler, Done>(context, h => h.HandleAsync(new JoinChannel(channelId), cancellationToken), _ => TypedResults.NoContent()))
            .WithSummary("Joins a public channel");
        channels.MapPost("/{channelId:guid}/leave", (HttpContext context, Guid channelId, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<LeaveChannelHandler, Done>(context, h => h.HandleAsync(new LeaveChannel(channelId), cancellationToken), _ => TypedResults.NoContent()))
            .WithSummary("Leaves a channel");
        channels.MapGet("/{channelId:guid}/members", (HttpContext context, Guid channelId, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<ListMembersHandler, ChannelMembers>(context, h => h.HandleAsync(new ListMembers(channelId), cancellationToken)))
            .WithSummary("The channel's members");
        channels.MapPost("/{channelId:guid}/members", (HttpContext context, Guid channelId, AddMembersRequest body, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<AddMembersHandler, Done>(context, h => h.HandleAsync(new AddMembers(channelId, body.UserIds), cancellationToken), _ => TypedResults.NoContent()))
            .WithSummary("Adds people to a channel (its owners, or anyone for a public one)");
        channels.MapGet("/{channelId:guid}/messages", (HttpContext context, Guid channelId, long? after, long? before, int? limit, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<GetHistoryHandler, IReadOnlyList<MessageDto>>(
                context, h => h.HandleAsync(new GetHistory(channelId, after, before, limit ?? GetHistory.DefaultLimit), cancellationToken)))
            .WithSummary("Messages by sequence: the newest, those before one, or those after one (to catch up), oldest first");
        channels.MapPost("/{channelId:guid}/messages", (HttpContext context, Guid channelId, SendMessageRequest body, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<SendMessageHandler, MessageDto>(
                context,
                h => h.HandleAsync(new SendMessage(channelId, body.ClientMessageId, body.Body, body.ThreadRootId, body.AlsoSendToChannel, body.FileIds), cancellationToken),
                sent => TypedResults.Created($"/api/v1/messages/{sent.Id}", sent)))
            .WithSummary("Sends a message; sending again with the same client message id returns the stored one, never a copy");
        channels.MapPost("/{channelId:guid}/read", (HttpContext context, Guid channelId, MarkReadRequest body, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<MarkReadHandler, Done>(context, h => h.HandleAsync(new MarkRead(channelId, body.Sequence, body.Unread), cancellationToken), _ => TypedResults.NoContent()))
            .WithSummary("Marks the channel read up to a sequence (or unread from it)");
        api.MapPost("/conversations", (HttpContext context, OpenConversationRequest body, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<OpenDirectMessageHandler, ChannelAccess>(context, h => h.HandleAsync(new OpenDirectMessage(body.UserIds), cancellationToken)))
            .WithTags("Channels")
            .WithSummary("Opens the direct or group conversation with these people (the same one each time for the same people)");
        channels.MapGet("/{channelId:guid}/files", (HttpContext context, Guid channelId, FileKind? kind, DateTimeOffset? before, int? limit, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<ListChannelFilesHandler, IReadOnlyList<SharedFileDto>>(
                context, h => h.HandleAsync(new ListChannelFiles(channelId, kind, before, limit ?? 50), cancellationToken)))
            .WithSummary("Files shared in the channel, newest first");
    }
}

/// <param name="Private">A private channel is found and read by its members only.</param>
internal sealed record CreateChannelRequest(string Name, bool Private = false, string? Topic = null, string? Purpose = null);

internal sealed record AddMembersRequest(IReadOnlyList<string> UserIds);

/// <param name="UserIds">The other people (up to 7); the caller is in it too.</param>
internal sealed record OpenConversationRequest(IReadOnlyList<string> UserIds);

/// <param name="ClientMessageId">A new GUID per message, kept when retrying: a retry never posts the message twice.</param>
internal sealed record SendMessageRequest(
    Guid ClientMessageId, string Body, Guid? ThreadRootId = null, bool AlsoSendToChannel = false, IReadOnlyList<Guid>? FileIds = null);

internal sealed record MarkReadRequest(long Sequence, bool Unread = false);
