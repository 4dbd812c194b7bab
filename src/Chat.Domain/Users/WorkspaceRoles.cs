namespace Chat.Domain.Users;

/// <summary>Workspace-wide roles; a user may hold several.</summary>
public static class WorkspaceRoles
{
    public const string Member = nameof(Member);
    public const string WorkspaceAdmin = nameof(WorkspaceAdmin);
    public const string ComplianceOfficer = nameof(ComplianceOfficer);

    public static IReadOnlyList<string> All { get; } = [Member, WorkspaceAdmin, ComplianceOfficer];
}
