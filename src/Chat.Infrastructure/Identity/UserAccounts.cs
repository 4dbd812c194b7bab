using Chat.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Identity;

/// <summary>Creates accounts with their workspace roles; the first account of a workspace administers it.</summary>
public sealed class UserAccounts(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>Makes sure every workspace role exists.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in WorkspaceRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    /// <summary>
    /// Registers a Member. When the workspace has no administrator yet (an empty database), the new
    /// account also becomes WorkspaceAdmin.
    /// </summary>
    public async Task<(IdentityResult Result, ApplicationUser User)> RegisterAsync(
        string email, string password, string? displayName, params string[] extraRoles)
    {
        var name = DisplayName.Create(displayName);
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = (name.Succeeded ? name.Value : DisplayName.FromEmail(email)).Value,
            Handle = await FreeHandleAsync(UserHandle.FromEmail(email)),
            CreatedAt = clock.GetUtcNow(),
        };

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (created, user);
        }

        List<string> granted = [WorkspaceRoles.Member];
        if (!await HasAdministratorAsync())
        {
            granted.Add(WorkspaceRoles.WorkspaceAdmin);
        }

        granted.AddRange(extraRoles.Except(granted));
        return (await users.AddToRolesAsync(user, granted), user);
    }

    /// <summary>Creates the administrator named in configuration unless that account exists already.</summary>
    public async Task EnsureAdministratorAsync(string email, string password)
    {
        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            var (result, _) = await RegisterAsync(email, password, null, WorkspaceRoles.WorkspaceAdmin);
            Check(result);
        }
        else if (!await users.IsInRoleAsync(existing, WorkspaceRoles.WorkspaceAdmin))
        {
            Check(await users.AddToRoleAsync(existing, WorkspaceRoles.WorkspaceAdmin));
        }
    }

    // Two registrations racing for one handle: the unique index refuses the second, which fails with Identity's error.
    private async Task<string> FreeHandleAsync(string wanted)
    {
        for (var attempt = 1; ; attempt++)
        {
            var handle = UserHandle.Alternative(wanted, attempt);
            if (!await users.Users.AnyAsync(u => u.Handle == handle))
            {
                return handle;
            }
        }
    }

    private async Task<bool> HasAdministratorAsync() =>
        (await users.GetUsersInRoleAsync(WorkspaceRoles.WorkspaceAdmin)).Count > 0;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
