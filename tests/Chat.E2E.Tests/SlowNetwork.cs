using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Playwright;

namespace Chat.E2E.Tests;

/// <summary>A page's live connection (Blazor's WebSocket) through a slow network: every frame arrives a fixed time late, in order.</summary>
public static class SlowNetwork
{
    public static Task DelayLiveConnectionAsync(this IPage page, TimeSpan delay) =>
        page.RouteWebSocketAsync(new Regex("/_blazor"), page =>
        {
            var server = page.ConnectToServer();
            var toServer = new DelayedLine(delay, frame => Forward(frame, server));
            var toPage = new DelayedLine(delay, frame => Forward(frame, page));
            page.OnMessage(toServer.Post);
            server.OnMessage(toPage.Post);
        });

    private static void Forward(IWebSocketFrame frame, IWebSocketRoute to)
    {
        if (frame.Binary is { } bytes)
        {
            to.Send(bytes);
        }
        else
        {
            to.Send(frame.Text ?? string.Empty);
        }
    }

    private sealed class DelayedLine
    {
        private readonly Channel<(DateTimeOffset Due, IWebSocketFrame Frame)> _frames = Channel.CreateUnbounded<(DateTimeOffset, IWebSocketFrame)>();
        private readonly TimeSpan _delay;

        public DelayedLine(TimeSpan delay, Action<IWebSocketFrame> forward)
        {
            _delay = delay;
            _ = Task.Run(async () =>
            {
                await foreach (var (due, frame) in _frames.Reader.ReadAllAsync())
                {
                    // The latency being simulated, not a wait for something to happen.
                    if (due - DateTimeOffset.UtcNow is { TotalMilliseconds: > 0 } wait)
                    {
                        await Task.Delay(wait);
                    }

                    forward(frame);
                }
            });
        }

        public void Post(IWebSocketFrame frame) => _frames.Writer.TryWrite((DateTimeOffset.UtcNow + _delay, frame));
    }
}
