namespace Chat.Web.Tests.Support;

/// <summary>A test class with its own app and database, disposed after the class's tests.</summary>
public abstract class WebAppTest : IAsyncLifetime
{
    protected ChatWebFactory App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}
