using Chat.Application.Common;
using Chat.Domain.Common;

namespace Chat.Application.People.SearchPeople;

public sealed record SearchPeople(string Query, int Limit = 20);

/// <summary>Finds colleagues by name or e-mail for the people picker; the searcher is left out.</summary>
public sealed class SearchPeopleHandler(ICurrentActor currentActor, IUserDirectory directory)
    : IUseCase<SearchPeople, IReadOnlyList<Person>>
{
    public async Task<Result<IReadOnlyList<Person>>> HandleAsync(SearchPeople request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        if (request.Limit is < 1 or > 50 || (request.Query?.Length ?? 0) > 100)
        {
            return Error.Invalid("people.query", "Search with at most 100 characters for at most 50 people.");
        }

        var found = await directory.SearchAsync((request.Query ?? string.Empty).Trim(), request.Limit + 1, cancellationToken);
        return Result<IReadOnlyList<Person>>.Success([.. found.Where(p => p.Id != userId.Value).Take(request.Limit)]);
    }
}
