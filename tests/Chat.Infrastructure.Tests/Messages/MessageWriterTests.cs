using Chat.Application.Messages;
using Chat.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Messages;

/// <summary>Group commit: sends waiting together share a transaction, yet each one succeeds or fails on its own.</summary>
public sealed class MessageWriterTests : IAsyncLifetime
{
    private TestWorkspace _workspace = default!;
    private string _sender = default!;
    private Guid _channel;

    public async Task InitializeAsync()
    {
        _workspace = await TestWorkspace.InitializedAsync(new Dictionary<string, string?> { ["Bootstrap:SeedDemoWorkspace"] = "true" });
        await using var db = _workspace.NewContext();
        _sender = (await db.Users.FirstAsync()).Id;
        _channel = (await db.Channels.FirstAsync(c => c.Name == "general")).Id;
    }

    public Task DisposeAsync() => _workspace.DisposeAsync().AsTask();

    [Fact]
    public async Task One_broken_send_in_a_burst_fails_alone_and_the_others_are_stored_with_dense_sequences()
    {
        var store = _workspace.Services.GetRequiredService<IMessageStore>();

        // A reply to a root that does not exist cannot be stored; it is sent in the middle of forty good ones.
        var sends = Enumerable.Range(0, 41).Select(i => Task.Run(() => store.AppendAsync(
            new NewMessage(_channel, _sender, Guid.NewGuid(), MessageBody.Create($"burst {i}").Value, DateTimeOffset.UtcNow,
                ThreadRootId: i == 20 ? Guid.NewGuid() : null),
            CancellationToken.None))).ToList();
        await Task.WhenAll(sends.Select(s => s.ContinueWith(_ => { })));

        sends.Count(s => s.IsFaulted).ShouldBe(1);
        sends[20].IsFaulted.ShouldBeTrue();
        var stored = sends.Where(s => !s.IsFaulted).Select(s => s.Result.Message.Sequence).Order().ToList();
        stored.ShouldBe(Enumerable.Range(1, 40).Select(i => (long)i));
        await using var db = _workspace.NewContext();
        (await db.Channels.SingleAsync(c => c.Id == _channel)).LastSequence.ShouldBe(40);
    }
}
