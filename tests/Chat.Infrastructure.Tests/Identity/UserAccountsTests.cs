using Chat.Application.Profile;
using Chat.Domain.Users;
using Chat.Infrastructure.Identity;
using Chat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Identity;

public class UserAccountsTests
{
    private const string Password = "Correct-Horse-42";

    [Fact]
    public async Task First_account_of_an_empty_workspace_becomes_admin_and_later_ones_do_not()
    {
        await using var workspace = await TestWorkspace.InitializedAsync();
        await using var scope = workspace.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var (firstResult, first) = await accounts.RegisterAsync("first@example.com", Password, "First");
        var (secondResult, second) = await accounts.RegisterAsync("second@example.com", Password, "Second");

        firstResult.Succeeded.ShouldBeTrue();
        secondResult.Succeeded.ShouldBeTrue();
        (await users.GetRolesAsync(first)).ShouldBe([WorkspaceRoles.Member, WorkspaceRoles.WorkspaceAdmin], ignoreOrder: true);
        (await users.GetRolesAsync(second)).ShouldBe([WorkspaceRoles.Member]);
    }

    [Fact]
    public async Task Administrator_from_configuration_is_created_at_start_up_once()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = "root@example.com",
            ["Bootstrap:AdminPassword"] = Password,
        };
        await using var workspace = await TestWorkspace.InitializedAsync(settings);
        await workspace.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using var scope = workspace.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var admin = (await users.FindByEmailAsync("root@example.com")).ShouldNotBeNull();

        (await users.IsInRoleAsync(admin, WorkspaceRoles.WorkspaceAdmin)).ShouldBeTrue();
        (await users.CheckPasswordAsync(admin, Password)).ShouldBeTrue();
        users.Users.Count().ShouldBe(1);
    }

    [Theory]
    [InlineData("short1A", "PasswordTooShort")]
    [InlineData("alllowercase12", "PasswordRequiresUpper")]
    [InlineData("NoDigitsHereAtAll", "PasswordRequiresDigit")]
    public async Task Weak_passwords_are_refused(string password, string code)
    {
        await using var workspace = await TestWorkspace.InitializedAsync();
        await using var scope = workspace.Services.CreateAsyncScope();

        var (result, _) = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .RegisterAsync("weak@example.com", password, null);

        result.Errors.Select(e => e.Code).ShouldContain(code);
    }

    [Fact]
    public async Task Duplicate_email_is_refused()
    {
        await using var workspace = await TestWorkspace.InitializedAsync();
        await using var scope = workspace.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        await accounts.RegisterAsync("ann@example.com", Password, "Ann");

        var (result, _) = await accounts.RegisterAsync("ANN@example.com", Password, "Other Ann");

        result.Errors.Select(e => e.Code).ShouldContain("DuplicateEmail");
    }

    [Fact]
    public async Task Profile_store_reads_and_writes_display_name_and_theme()
    {
        await using var workspace = await TestWorkspace.InitializedAsync();
        await using var scope = workspace.Services.CreateAsyncScope();
        var (_, ann) = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .RegisterAsync("ann.lee@example.com", Password, null);
        var profiles = scope.ServiceProvider.GetRequiredService<IUserProfileStore>();

        (await profiles.FindAsync(ann.Id, default))!.DisplayName.ShouldBe("Ann Lee");
        (await profiles.SetDisplayNameAsync(ann.Id, DisplayName.Create("Ann Smith").Value, default)).ShouldBeTrue();
        (await profiles.SetThemeAsync(ann.Id, ThemePreference.Dark, default)).ShouldBeTrue();
        (await profiles.SetThemeAsync("nobody", ThemePreference.Dark, default)).ShouldBeFalse();

        (await profiles.FindAsync(ann.Id, default)).ShouldBe(
            new UserProfile(ann.Id, "ann.lee@example.com", "Ann Smith", ThemePreference.Dark));
    }
}
