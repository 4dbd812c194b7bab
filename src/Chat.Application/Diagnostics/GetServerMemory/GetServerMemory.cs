using Chat.Application.Common;
using Chat.Domain.Common;

namespace Chat.Application.Diagnostics.GetServerMemory;

/// <param name="CollectFirst">A full collection first: slow, and it pauses the node, so administrators only.</param>
public sealed record GetServerMemory(bool CollectFirst = false);

/// <summary>This node's memory, for workspace administrators.</summary>
public sealed class GetServerMemoryHandler(ICurrentActor currentActor, IServerDiagnostics diagnostics) : IUseCase<GetServerMemory, ServerMemory>
{
    public async Task<Result<ServerMemory>> HandleAsync(GetServerMemory request, CancellationToken cancellationToken = default)
    {
        var adminId = (await currentActor.GetAsync(cancellationToken)).RequireAdministrator("Only workspace administrators can see the server's memory.");
        return adminId.Succeeded ? diagnostics.Measure(request.CollectFirst) : adminId.Error!;
    }
}
