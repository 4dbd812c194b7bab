using Chat.Domain.Common;
using Chat.Domain.Users;

namespace Chat.Application.Common;

internal static class AdministratorChecks
{
    /// <summary>The id of a signed-in workspace administrator; otherwise why not (<paramref name="code"/> for a member).</summary>
    public static Result<string> RequireAdministrator(this Actor actor, string refusal, string code = "auth.admin_only")
    {
        var userId = actor.RequireUser();
        if (!userId.Succeeded)
        {
            return userId;
        }

        return actor.IsInRole(WorkspaceRoles.WorkspaceAdmin) ? userId : Error.Forbidden(code, refusal);
    }
}
