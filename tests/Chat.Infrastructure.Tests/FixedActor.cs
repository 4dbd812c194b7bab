using Chat.Application.Common;
using Chat.Domain.Users;

namespace Chat.Infrastructure.Tests;

/// <summary>A signed-in member (plus any extra roles) calling the real use cases.</summary>
internal sealed class FixedActor(string userId, params string[] roles) : ICurrentActor
{
    public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new Actor(userId, new HashSet<string>(roles.Append(WorkspaceRoles.Member))));
}
