using Chat.Application.Diagnostics;

namespace Chat.Infrastructure;

internal sealed class ProcessDiagnostics : IServerDiagnostics
{
    public ServerMemory Measure(bool collectFirst)
    {
        if (collectFirst)
        {
            // Aggressive also hands the freed memory back to the system at once, so the resident size that follows
            // is what the process holds, not what the collector keeps for later.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        return new ServerMemory(
            GC.GetTotalMemory(forceFullCollection: false), Environment.WorkingSet, System.Runtime.JitInfo.GetCompiledMethodCount(),
            System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: false), GC.GetTotalPauseDuration().TotalMilliseconds,
            [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)]);
    }
}
