using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Chat.Launch;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Support;

/// <summary>A SignalR client of the chat hub over a real WebSocket, recording the events it receives in order.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Name, MessageView? Message, Guid ChannelId)> _received = new();

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in new[] { "MessagePosted", "MessageEdited", "MessageDeleted" })
        {
            connection.On<MessageEvent>(name, e => _received.Enqueue((name, e.Message, e.Message.ChannelId)));
        }

        connection.On<ChannelEvent>("UserTyping", e => _received.Enqueue(("UserTyping", null, e.ChannelId)));
        connection.On<ChannelEvent>("MembersChanged", e => _received.Enqueue(("MembersChanged", null, e.ChannelId)));
        connection.Closed += error =>
        {
            ClosedWith = error ?? new Exception("closed");
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    public Exception? ClosedWith { get; private set; }

    public IReadOnlyList<(string Name, MessageView? Message, Guid ChannelId)> Received => [.. _received];

    /// <summary>A client connected and in its channels' groups, ready to hear their events.</summary>
    public static async Task<HubClient> ConnectAsync(string baseUrl, string token, bool messagePack = false)
    {
        var client = Create(baseUrl, token, messagePack);
        await client.Connection.StartInGroupsAsync();
        return client;
    }

    /// <summary>A client not yet started.</summary>
    public static HubClient Create(string baseUrl, string token, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder().WithUrl($"{baseUrl}/hubs/chat", options =>
        {
            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
        });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }
        else
        {
            builder.AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        }

        return new HubClient(builder.Build());
    }

    /// <summary>The messages received as <paramref name="eventName"/>, in order.</summary>
    public List<MessageView> Messages(string eventName = "MessagePosted") =>
        [.. Received.Where(r => r.Name == eventName).Select(r => r.Message!)];

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    public sealed class MessageEvent
    {
        public MessageView Message { get; set; } = default!;
    }

    public sealed class ChannelEvent
    {
        public Guid ChannelId { get; set; }
    }

    public sealed class MessageView
    {
        public Guid Id { get; set; }

        public Guid ChannelId { get; set; }

        public long Sequence { get; set; }

        public string Body { get; set; } = string.Empty;

        public int Version { get; set; }
    }
}
