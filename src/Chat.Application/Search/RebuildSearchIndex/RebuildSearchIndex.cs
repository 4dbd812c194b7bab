using Chat.Application.Audit;
using Chat.Application.Common;
using Chat.Domain.Audit;
using Chat.Domain.Common;
using Chat.Domain.Users;

namespace Chat.Application.Search.RebuildSearchIndex;

public sealed record RebuildSearchIndex;

/// <summary>A workspace administrator asks for the search index to be built again from the database (audited).</summary>
public sealed class RebuildSearchIndexHandler(ICurrentActor currentActor, ISearchMaintenance search, IAuditLog audit, TimeProvider clock)
    : IUseCase<RebuildSearchIndex, SearchIndexStatus>
{
    public async Task<Result<SearchIndexStatus>> HandleAsync(RebuildSearchIndex request, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var userId = actor.RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        if (!actor.IsInRole(WorkspaceRoles.WorkspaceAdmin))
        {
            return Error.Forbidden("search.admin_only", "Only workspace administrators can rebuild the search index.");
        }

        if (search.Status().Rebuild is { IsUnderWay: true })
        {
            return Error.Conflict("search.rebuild_under_way", "A rebuild of the search index is already under way.");
        }

        var now = clock.GetUtcNow();
        search.RequestRebuild(now);
        await audit.AppendAsync(AuditEntry.Record(now, userId.Value, "search.rebuild_requested", "search-index", "messages"), cancellationToken);
        return search.Status();
    }
}
