namespace Chat.Application.Diagnostics;

/// <summary>What this node's process uses, for administrators sizing nodes.</summary>
public interface IServerDiagnostics
{
    /// <param name="collectFirst">Run a full garbage collection first, so the managed heap holds only what is live.</param>
    ServerMemory Measure(bool collectFirst);
}

/// <param name="ManagedBytes">The managed heap.</param>
/// <param name="WorkingSetBytes">The process's resident memory.</param>
public sealed record ServerMemory(long ManagedBytes, long WorkingSetBytes);
