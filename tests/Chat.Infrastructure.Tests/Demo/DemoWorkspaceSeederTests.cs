using Chat.Domain.Channels;
using Chat.Infrastructure.Demo;
using Chat.Infrastructure.Identity;
using Chat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Demo;

public class DemoWorkspaceSeederTests
{
    private static readonly Dictionary<string, string?> SeedDemo = new() { ["Bootstrap:SeedDemoWorkspace"] = "true" };

    [Fact]
    public async Task Development_start_up_seeds_people_and_channels_once()
    {
        await using var workspace = await TestWorkspace.InitializedAsync(SeedDemo);

        var again = await workspace.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        again.Select(a => a.Email).ShouldContain("alice@demo.chat");
        await using var db = workspace.NewContext();
        (await db.Users.CountAsync()).ShouldBe(5);
        var channels = await db.Channels.Include(c => c.Members).ToListAsync();
        channels.Select(c => c.Name).ShouldBe(["announcements", "engineering", "general", "random"], ignoreOrder: true);
        channels.Single(c => c.Name == "general").Members.Count.ShouldBe(5);
        var engineering = channels.Single(c => c.Name == "engineering");
        engineering.Kind.ShouldBe(ChannelKind.Private);
        engineering.Members.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Demo_passwords_sign_in()
    {
        await using var workspace = await TestWorkspace.InitializedAsync(SeedDemo);
        await using var scope = workspace.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var alice = (await users.FindByEmailAsync("alice@demo.chat")).ShouldNotBeNull();

        (await users.CheckPasswordAsync(alice, DemoWorkspaceSeeder.Password)).ShouldBeTrue();
    }

    [Fact]
    public async Task Production_never_seeds_even_when_asked()
    {
        await using var workspace = await TestWorkspace.InitializedAsync(SeedDemo, environment: "Production");

        await using var db = workspace.NewContext();
        (await db.Users.AnyAsync()).ShouldBeFalse();
        (await db.Channels.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_workspace_with_real_users_gets_no_demo_data()
    {
        await using var workspace = await TestWorkspace.InitializedAsync();
        await using var scope = workspace.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .RegisterAsync("real@example.com", "Correct-Horse-42", "Real");

        var seeded = await scope.ServiceProvider.GetRequiredService<DemoWorkspaceSeeder>().SeedAsync(default);

        seeded.ShouldBeEmpty();
        await using var db = workspace.NewContext();
        (await db.Users.CountAsync()).ShouldBe(1);
    }
}
