using Chat.Application.People;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Identity;

internal sealed class UserDirectory(IDbContextFactory<ChatDbContext> contexts) : IUserDirectory
{
    public async Task<IReadOnlyList<Person>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var people = db.Users.AsNoTracking();
        if (query.Length > 0)
        {
            var lowered = query.ToLowerInvariant();
            people = people.Where(u => u.DisplayName.ToLower().Contains(lowered) || u.Email!.ToLower().Contains(lowered) || u.Handle.Contains(lowered));
        }

        return await people.OrderBy(u => u.DisplayName).Take(limit)
            .Select(u => new Person(u.Id, u.DisplayName, u.Email ?? string.Empty, u.Handle))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Person>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new Person(u.Id, u.DisplayName, u.Email ?? string.Empty, u.Handle))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Person>> FindByHandlesAsync(IReadOnlyCollection<string> handles, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => handles.Contains(u.Handle))
            .Select(u => new Person(u.Id, u.DisplayName, u.Email ?? string.Empty, u.Handle))
            .ToListAsync(cancellationToken);
    }
}
