using Chat.Application.Audit;
using Chat.Application.Common;
using Chat.Domain.Audit;
using Chat.Domain.Common;

namespace Chat.Application.Search.RebuildSearchIndex;

public sealed record RebuildSearchIndex;

/// <summary>A workspace administrator asks for the search index to be built again from the database (audited).</summary>
public sealed class RebuildSearchIndexHandler(ICurrentActor currentActor, ISearchMaintenance search, IAuditLog audit, TimeProvider clock)
    : IUseCase<RebuildSearchIndex, SearchIndexStatus>
{
    public async Task<Result<SearchIndexStatus>> HandleAsync(RebuildSearchIndex request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken))
            .RequireAdministrator("Only workspace administrators can rebuild the search index.", "search.admin_only");
        if (!userId.Succeeded)
        {
            return userId.Error!;
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
