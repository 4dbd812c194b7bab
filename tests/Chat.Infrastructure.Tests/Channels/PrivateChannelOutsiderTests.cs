using System.Reflection;
using Chat.Application.Common;
using Chat.Application.Messages.SendMessage;
using Chat.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Channels;

/// <summary>
/// Every use case that targets a channel or a message, called directly by a signed-in colleague who is not a member
/// of a private channel, with its real ids: each refuses, and the channel is exactly as it was.
/// </summary>
public sealed class PrivateChannelOutsiderTests : IAsyncLifetime
{
    private static readonly string[] TargetProperties = ["ChannelId", "MessageId", "RootMessageId"];

    private TestWorkspace _workspace = default!;
    private Dictionary<string, string> _users = default!;
    private Guid _engineering;
    private Guid _secretRoot;

    public static TheoryData<string> TargetedUseCases() =>
        new(UseCaseTypes.InAssembly().Where(Targets).Select(t => t.FullName!));

    public async Task InitializeAsync()
    {
        _workspace = await TestWorkspace.InitializedAsync(new Dictionary<string, string?> { ["Bootstrap:SeedDemoWorkspace"] = "true" });
        await using var db = _workspace.NewContext();
        _users = await db.Users.ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u.Id);
        _engineering = (await db.Channels.SingleAsync(c => c.Name == "engineering")).Id;
        var send = ActivatorUtilities.CreateInstance<SendMessageHandler>(_workspace.Services, (ICurrentActor)new FixedActor(_users["dan"]));
        _secretRoot = (await send.HandleAsync(new SendMessage(_engineering, Guid.NewGuid(), "Secret roadmap"))).Value.Id;
        await send.HandleAsync(new SendMessage(_engineering, Guid.NewGuid(), "Phase two", _secretRoot));
    }

    public Task DisposeAsync() => _workspace.DisposeAsync().AsTask();

    [Fact]
    public void Every_channel_and_message_use_case_is_checked() =>
        UseCaseTypes.InAssembly().Count(Targets).ShouldBeGreaterThanOrEqualTo(22);

    [Theory]
    [MemberData(nameof(TargetedUseCases))]
    public async Task An_outsider_is_refused_and_changes_nothing(string useCaseName)
    {
        var before = await SnapshotAsync();
        var type = UseCaseTypes.InAssembly().Single(t => t.FullName == useCaseName);
        var handler = ActivatorUtilities.CreateInstance(_workspace.Services, type, (ICurrentActor)new FixedActor(_users["bob"]));
        var handle = type.GetMethod("HandleAsync")!;
        var request = Request(handle.GetParameters()[0].ParameterType);

        var task = (Task)handle.Invoke(handler, [request, CancellationToken.None])!;
        await task;
        var result = (Result)task.GetType().GetProperty("Result")!.GetValue(task)!;

        result.Succeeded.ShouldBeFalse($"{type.Name} let an outsider in");
        result.Error!.Kind.ShouldBeOneOf(ErrorKind.NotFound, ErrorKind.Forbidden);
        (await SnapshotAsync()).ShouldBe(before);
    }

    private static bool Targets(Type useCase) =>
        useCase.GetMethod("HandleAsync")!.GetParameters()[0].ParameterType.GetProperties()
            .Any(p => TargetProperties.Contains(p.Name) || (p.Name == "Name" && useCase.Name == "OpenChannelHandler"));

    /// <summary>The request with the private channel's real ids and plausible values for everything else.</summary>
    private object Request(Type requestType)
    {
        var constructor = requestType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Value(p)).ToArray();
        return constructor.Invoke(arguments);
    }

    private object? Value(ParameterInfo parameter) => (parameter.Name, parameter.ParameterType) switch
    {
        ("ChannelId", _) => _engineering,
        ("MessageId" or "RootMessageId" or "ThreadRootId", _) => _secretRoot,
        ("Name", _) => "engineering",
        ("UserId", _) => _users["dan"],
        ("UserIds", _) => new List<string> { _users["bob"] },
        ("EmojiId", _) => "thumbsup",
        (_, var t) when t == typeof(Guid) => Guid.NewGuid(),
        (_, var t) when t == typeof(string) => "outsider was here",
        (_, var t) when t == typeof(bool) => true,
        (_, var t) when t == typeof(long) => 1L,
        (_, var t) when t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Func<,>) => NoOp(t),
        (_, var t) when t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Func<,,>) => NoOp(t),
        _ when parameter.HasDefaultValue => parameter.DefaultValue,
        (_, var t) => t.IsValueType ? Activator.CreateInstance(t) : null,
    };

    private static Delegate NoOp(Type funcType)
    {
        var arguments = funcType.GetGenericArguments()[..^1]
            .Select((t, i) => System.Linq.Expressions.Expression.Parameter(t, $"a{i}")).ToArray();
        var body = System.Linq.Expressions.Expression.Constant(Task.CompletedTask);
        return System.Linq.Expressions.Expression.Lambda(funcType, body, arguments).Compile();
    }

    /// <summary>Everything an outsider could try to change about the private channel, as one comparable string.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = _workspace.NewContext();
        var channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Id == _engineering);
        var members = await db.ChannelMembers.Where(m => m.ChannelId == _engineering)
            .OrderBy(m => m.UserId).Select(m => m.UserId + ":" + m.LastReadSequence).ToListAsync();
        var messages = await db.Messages.Where(m => m.ChannelId == _engineering)
            .OrderBy(m => m.Sequence).Select(m => m.Sequence + m.Body + m.Version + m.ReactionRevision + (m.PinnedAt != null)).ToListAsync();
        var followers = await db.ThreadFollowers.CountAsync(f => f.UserId == _users["bob"]);
        return $"{channel.Name}|{channel.Topic}|{channel.IsArchived}|{channel.LastSequence}|{string.Join(",", members)}|{string.Join(",", messages)}|{followers}";
    }
}
