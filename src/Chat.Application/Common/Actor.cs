using Chat.Domain.Common;

namespace Chat.Application.Common;

/// <summary>Who is asking: a signed-in user with their workspace roles, or nobody.</summary>
public sealed record Actor(string? UserId, IReadOnlySet<string> Roles)
{
    public static Actor Anonymous { get; } = new(null, new HashSet<string>());

    public bool IsAuthenticated => UserId is not null;

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>The user id of a signed-in actor, or the failure to return to an anonymous caller.</summary>
    public Result<string> RequireUser() =>
        UserId is null ? Result<string>.Failure(Error.Unauthenticated) : Result<string>.Success(UserId);
}
