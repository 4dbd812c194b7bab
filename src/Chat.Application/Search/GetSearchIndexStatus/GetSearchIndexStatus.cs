using Chat.Application.Common;
using Chat.Domain.Common;

namespace Chat.Application.Search.GetSearchIndexStatus;

public sealed record GetSearchIndexStatus;

/// <summary>The search index's state and rebuild progress, for workspace administrators.</summary>
public sealed class GetSearchIndexStatusHandler(ICurrentActor currentActor, ISearchMaintenance search)
    : IUseCase<GetSearchIndexStatus, SearchIndexStatus>
{
    public async Task<Result<SearchIndexStatus>> HandleAsync(GetSearchIndexStatus request, CancellationToken cancellationToken = default)
    {
        var adminId = (await currentActor.GetAsync(cancellationToken))
            .RequireAdministrator("Only workspace administrators can see the search index's state.", "search.admin_only");
        return adminId.Succeeded ? search.Status() : adminId.Error!;
    }
}
