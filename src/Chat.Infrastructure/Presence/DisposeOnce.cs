namespace Chat.Infrastructure.Presence;

/// <summary>A handle that runs its action the first time it is disposed, and never again.</summary>
internal sealed class DisposeOnce(Action dispose) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            dispose();
        }
    }
}
