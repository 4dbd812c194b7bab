using Chat.Application.Common;
using Chat.Application.Messages;
using Chat.Application.Messages.DeleteMessage;
using Chat.Application.Messages.EditMessage;
using Chat.Application.Messages.PinMessage;
using Chat.Application.Messages.ToggleReaction;
using Chat.Application.Threads.GetThread;
using Chat.Application.Threads.MarkThreadRead;

namespace Chat.Web.Endpoints.Api;

internal static class MessagesApi
{
    public static void MapMessagesApi(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages/{messageId:guid}").WithTags("Messages");
        messages.MapPatch("/", (HttpContext context, Guid messageId, EditMessageRequest body, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<EditMessageHandler, MessageDto>(context, h => h.HandleAsync(new EditMessage(messageId, body.Body), cancellationToken)))
            .WithSummary("Edits the caller's own message");
        messages.MapDelete("/", (HttpContext context, Guid messageId, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<DeleteMessageHandler, MessageDto>(context, h => h.HandleAsync(new DeleteMessage(messageId), cancellationToken)))
            .WithSummary("Deletes a message (the sender's own, or any for a channel owner); a tombstone keeps its place");
        messages.MapPut("/reactions/{emoji}", (HttpContext context, Guid messageId, string emoji, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<ToggleReactionHandler, MessageDto>(context, h => h.HandleAsync(new ToggleReaction(messageId, emoji, On: true), cancellationToken)))
            .WithSummary("Adds the caller's reaction (no change when it is there)");
        messages.MapDelete("/reactions/{emoji}", (HttpContext context, Guid messageId, string emoji, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<ToggleReactionHandler, MessageDto>(context, h => h.HandleAsync(new ToggleReaction(messageId, emoji, On: false), cancellationToken)))
            .WithSummary("Takes the caller's reaction back (no change when it is not there)");
        messages.MapPut("/pin", (HttpContext context, Guid messageId, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<PinMessageHandler, MessageDto>(context, h => h.HandleAsync(new PinMessage(messageId, true), cancellationToken)))
            .WithSummary("Pins the message to its channel");
        messages.MapDelete("/pin", (HttpContext context, Guid messageId, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<PinMessageHandler, MessageDto>(context, h => h.HandleAsync(new PinMessage(messageId, false), cancellationToken)))
            .WithSummary("Unpins the message");
        messages.MapGet("/thread", (HttpContext context, Guid messageId, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<GetThreadHandler, ThreadDto>(context, h => h.HandleAsync(new GetThread(messageId), cancellationToken)))
            .WithSummary("The thread this message started: its root and replies, oldest first");
        messages.MapPost("/thread/read", (HttpContext context, Guid messageId, MarkReadRequest body, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<MarkThreadReadHandler, Done>(
                context, h => h.HandleAsync(new MarkThreadRead(messageId, body.Sequence), cancellationToken), _ => TypedResults.NoContent()))
            .WithSummary("Marks the thread read up to a reply's sequence");
    }
}

internal sealed record EditMessageRequest(string Body);
