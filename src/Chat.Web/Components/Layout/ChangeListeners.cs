namespace Chat.Web.Components.Layout;

/// <summary>Who wants to hear that something changed: added and removed from any thread, called outside the lock.</summary>
internal sealed class ChangeListeners
{
    private readonly Lock _gate = new();
    private readonly List<Action> _listeners = [];

    /// <summary>Calls <paramref name="listener"/> on every change until the answer is disposed.</summary>
    public IDisposable Add(Action listener)
    {
        lock (_gate)
        {
            _listeners.Add(listener);
        }

        return new Removal(this, listener);
    }

    public void Notify()
    {
        Action[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }

        foreach (var listener in listeners)
        {
            listener();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _listeners.Clear();
        }
    }

    private void Remove(Action listener)
    {
        lock (_gate)
        {
            _listeners.Remove(listener);
        }
    }

    private sealed class Removal(ChangeListeners listeners, Action listener) : IDisposable
    {
        public void Dispose() => listeners.Remove(listener);
    }
}
