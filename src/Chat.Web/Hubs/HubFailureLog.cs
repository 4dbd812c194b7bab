using Microsoft.AspNetCore.SignalR;

namespace Chat.Web.Hubs;

/// <summary>
/// Logs what the hub's methods threw, by what it means. A refusal (a <see cref="HubException"/> with an error code:
/// not found, too long, too fast) is the client's answer, not the server's failure: SignalR's dispatcher logs every
/// exception as an error with its stack trace, so one client retrying too fast would fill the log. The dispatcher's
/// own error is therefore silenced (<see cref="HubRegistration"/>); refusals are logged at Debug, and anything else,
/// a real failure, at Error.
/// </summary>
internal sealed partial class HubFailureLog(ILogger<HubFailureLog> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            LogRefused(invocationContext.HubMethodName, refused.Message);
            throw;
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            LogAbandoned(invocationContext.HubMethodName);
            throw;
        }
        catch (Exception failure)
        {
            LogFailed(failure, invocationContext.HubMethodName);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub method {Method} refused: {Refusal}")]
    private partial void LogRefused(string method, string refusal);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub method {Method} stopped: its connection closed")]
    private partial void LogAbandoned(string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private partial void LogFailed(Exception exception, string method);
}
