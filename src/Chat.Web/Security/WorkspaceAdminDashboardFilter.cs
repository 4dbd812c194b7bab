using Chat.Domain.Users;
using Hangfire.Dashboard;

namespace Chat.Web.Security;

/// <summary>Lets only workspace administrators into the job dashboard (Hangfire's default allows any local request).</summary>
internal sealed class WorkspaceAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.IsInRole(WorkspaceRoles.WorkspaceAdmin);
}
