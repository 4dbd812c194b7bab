using Chat.Application.Tokens;

namespace Chat.Web.Hubs;

/// <summary>Closes hub connections whose token was revoked or expired since they opened, within a few seconds.</summary>
internal sealed partial class HubTokenWatch(
    HubConnections connections, IServiceScopeFactory scopes, TimeProvider clock, ILogger<HubTokenWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Every, clock, stoppingToken);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var ended = await scope.ServiceProvider.GetRequiredService<EndedTokens>().AmongAsync(connections.TokenIds(), stoppingToken);
                    if (ended.Count > 0)
                    {
                        LogClosed(connections.CloseOpenedWith(ended));
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} hub connections whose token ended")]
    private partial void LogClosed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the tokens of hub connections failed")]
    private partial void LogFailed(Exception exception);
}
