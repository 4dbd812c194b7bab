namespace Chat.Application.Diagnostics;

/// <summary>What this node's process uses, for administrators sizing nodes.</summary>
public interface IServerDiagnostics
{
    /// <param name="collectFirst">
    /// Run a full garbage collection first, so the managed heap holds only what is live and the memory freed is
    /// handed back to the system.
    /// </param>
    ServerMemory Measure(bool collectFirst);
}

/// <param name="ManagedBytes">The managed heap.</param>
/// <param name="WorkingSetBytes">The process's resident memory.</param>
/// <param name="CompiledMethods">
/// Methods the runtime has compiled so far, re-compilations of busy methods included: while it keeps rising under a
/// steady load, the node is still warming up.
/// </param>
/// <param name="CompilingMilliseconds">
/// Time the runtime has spent compiling so far: a node still warming up spends milliseconds of every unit of work here.
/// </param>
/// <param name="AllocatedBytes">Managed bytes allocated since the process started: what a unit of work allocates is the difference.</param>
/// <param name="GcPauseMilliseconds">Time the process has spent paused for garbage collection since it started.</param>
/// <param name="GcCollections">
/// Collections of each generation (0, 1, 2) since the process started: a rising count of 1s and 2s under load means
/// long-lived state is being churned, and those collections pause every request.
/// </param>
public sealed record ServerMemory(
    long ManagedBytes, long WorkingSetBytes, long CompiledMethods, double CompilingMilliseconds, long AllocatedBytes, double GcPauseMilliseconds,
    IReadOnlyList<int> GcCollections);
