using Chat.Application.Diagnostics;

namespace Chat.Infrastructure;

internal sealed class ProcessDiagnostics : IServerDiagnostics
{
    public ServerMemory Measure(bool collectFirst)
    {
        if (collectFirst)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        return new ServerMemory(
            GC.GetTotalMemory(forceFullCollection: false), Environment.WorkingSet, System.Runtime.JitInfo.GetCompiledMethodCount(),
            GC.GetTotalAllocatedBytes(precise: false), GC.GetTotalPauseDuration().TotalMilliseconds);
    }
}
