using System.Buffers;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chat.Bench;

/// <summary>
/// One simulated browser tab: a live Blazor Server circuit on a page, spoken to over the /_blazor hub the way
/// blazor.web.js does (../shared/notes/blazor-load.md), without a browser. It acknowledges every render batch and
/// notes when a batch carrying a given text arrives.
/// </summary>
internal sealed partial class BlazorCircuit : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Func<byte[], long, bool> _onBatch;
    private int _objectIds;

    private BlazorCircuit(HubConnection connection, Func<byte[], long, bool> onBatch)
    {
        _connection = connection;
        _onBatch = onBatch;
    }

    public string? CircuitId { get; private set; }

    public int Errors;

    public bool Closed { get; private set; }

    /// <summary>Opens <paramref name="pagePath"/> with the signed-in cookies and starts its circuit.</summary>
    /// <param name="onBatch">Called with each render batch and its arrival time (Stopwatch ticks).</param>
    public static async Task<BlazorCircuit> OpenAsync(
        HttpClient http, CookieContainer cookies, string baseUrl, string pagePath, Func<byte[], long, bool> onBatch)
    {
        var html = await http.GetStringAsync(pagePath);
        var markers = ServerMarkers().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var state = StateMarker().Match(html) is { Success: true } found ? found.Groups[1].Value : string.Empty;
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{pagePath} has no interactive components (signed out?)");
        }

        var builder = new HubConnectionBuilder().WithUrl($"{baseUrl}/_blazor", options =>
        {
            options.Cookies = cookies;
            options.Transports = HttpTransportType.WebSockets;

            // A browser negotiates over the page's connection; skipping it leaves the tab only its WebSocket (see CircuitsBenchmark).
            options.SkipNegotiation = true;
        });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var circuit = new BlazorCircuit(builder.Build(), onBatch);
        circuit.Wire();
        await circuit._connection.StartAsync();
        circuit.CircuitId = await circuit._connection.InvokeAsync<string>("StartCircuit", baseUrl + "/", baseUrl + pagePath, "[]", string.Empty);
        if (string.IsNullOrEmpty(circuit.CircuitId))
        {
            throw new InvalidOperationException("The server refused to start the circuit.");
        }

        var operations = string.Join(",", markers.Select((marker, i) => $"{{\"type\":\"add\",\"ssrComponentId\":{i + 1},\"marker\":{marker}}}"));
        await circuit._connection.SendAsync("UpdateRootComponents", $"{{\"batchId\":1,\"operations\":[{operations}]}}", state);
        return circuit;
    }

    /// <summary>Leaves as a closing tab does, so the server frees the circuit at once.</summary>
    public async Task LeaveAsync(HttpClient http)
    {
        if (CircuitId is not null)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = CircuitId });
            await http.PostAsync("/_blazor/disconnect", form);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void Wire()
    {
        _connection.On<long, byte[]>("JS.RenderBatch", async (id, data) =>
        {
            _onBatch(data, System.Diagnostics.Stopwatch.GetTimestamp());
            await _connection.SendAsync("OnRenderCompleted", id, null);
        });

        // Every JS call the page makes is answered as done: modules (import) get object references, the rest nothing.
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", async (handle, identifier, _, resultType, _, _) =>
        {
            if (handle == 0)
            {
                return;
            }

            var result = resultType == 1 ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _objectIds)}}}" : "null";
            await _connection.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
        });
        _connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        _connection.On<string>("JS.EndInvokeDotNet", _ => { });
        _connection.On<string>("JS.EndUpdateRootComponents", _ => { });
        _connection.On<string>("JS.Error", _ => Interlocked.Increment(ref Errors));
        _connection.Closed += _ =>
        {
            Closed = true;
            return Task.CompletedTask;
        };
    }

    [GeneratedRegex(@"<!--Blazor:(\{""type"":""server"".*?\})-->", RegexOptions.Singleline)]
    private static partial Regex ServerMarkers();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StateMarker();

    /// <summary>The MessagePack hub protocol under the name the Blazor hub accepts.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new();

        public string Name => "blazorpack";

        public int Version => _inner.Version;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

        public bool TryParseMessage(
            ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            _inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
    }
}
