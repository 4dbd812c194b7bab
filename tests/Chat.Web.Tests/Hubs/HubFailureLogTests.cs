using System.Security.Claims;
using Chat.Web.Hubs;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Chat.Web.Tests.Hubs;

/// <summary>What operators read when a hub method throws: a real failure as an error, a client's refusal not.</summary>
public sealed class HubFailureLogTests
{
    private readonly RecordedLogs _logs = new();

    [Fact]
    public async Task A_method_that_fails_is_logged_as_an_error_with_its_exception_and_still_fails_for_the_client()
    {
        var failure = new InvalidOperationException("the store is gone");

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => InvokeAsync(() => throw failure));

        thrown.ShouldBeSameAs(failure);
        var logged = _logs.Entries.ShouldHaveSingleItem();
        (logged.Level, logged.Exception).ShouldBe((LogLevel.Error, failure));
        logged.Message.ShouldContain(nameof(ChatHub.SendMessage));
    }

    [Fact]
    public async Task A_refusal_reaches_the_client_and_is_not_logged_as_a_problem()
    {
        var refused = await Should.ThrowAsync<HubException>(() => InvokeAsync(() => throw new HubException("message.too_long: Too long.")));

        refused.Message.ShouldStartWith("message.too_long");
        _logs.Entries.ShouldAllBe(entry => entry.Level < LogLevel.Warning);
    }

    private async Task InvokeAsync(Func<object?> method)
    {
        var filter = new HubFailureLog(new LoggerFactory([_logs.Provider]).CreateLogger<HubFailureLog>());
        var invocation = new HubInvocationContext(
            new CallerContext(), new EmptyServices(), hub: null!, typeof(ChatHub).GetMethod(nameof(ChatHub.SendMessage))!, []);
        await filter.InvokeMethodAsync(invocation, _ => ValueTask.FromResult(method()));
    }

    private sealed class CallerContext : HubCallerContext
    {
        public override string ConnectionId => "connection";

        public override string? UserIdentifier => "bob";

        public override ClaimsPrincipal? User => new();

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
