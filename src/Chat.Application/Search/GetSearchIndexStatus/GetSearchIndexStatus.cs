using Chat.Application.Common;
using Chat.Domain.Common;
using Chat.Domain.Users;

namespace Chat.Application.Search.GetSearchIndexStatus;

public sealed record GetSearchIndexStatus;

/// <summary>The search index's state and rebuild progress, for workspace administrators.</summary>
public sealed class GetSearchIndexStatusHandler(ICurrentActor currentActor, ISearchMaintenance search)
    : IUseCase<GetSearchIndexStatus, SearchIndexStatus>
{
    public async Task<Result<SearchIndexStatus>> HandleAsync(GetSearchIndexStatus request, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var userId = actor.RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        return actor.IsInRole(WorkspaceRoles.WorkspaceAdmin)
            ? search.Status()
            : Error.Forbidden("search.admin_only", "Only workspace administrators can see the search index's state.");
    }
}
