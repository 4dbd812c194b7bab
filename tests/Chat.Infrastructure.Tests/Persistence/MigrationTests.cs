using Chat.Domain.Channels;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Chat.Infrastructure.Tests.Persistence;

public class MigrationTests
{
    [Fact]
    public async Task Start_up_creates_and_migrates_a_sqlite_file_in_the_data_folder()
    {
        await using var workspace = await TestWorkspace.InitializedAsync();

        File.Exists(workspace.DatabasePath).ShouldBeTrue();
        await using var db = workspace.NewContext();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Unique_channel_names_are_enforced_by_the_database()
    {
        await using var workspace = await TestWorkspace.InitializedAsync(
            new Dictionary<string, string?> { ["Bootstrap:SeedDemoWorkspace"] = "true" });
        await using var db = workspace.NewContext();

        db.Channels.Add(NewChannel("general", db.Users.First().Id));

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [InlineData(typeof(SqliteChatDbContext))]
    [InlineData(typeof(SqlServerChatDbContext))]
    public void Migrations_match_the_model(Type contextType)
    {
        using var db = DesignTimeContext(contextType);

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"{contextType.Name}: run 'dotnet ef migrations add' for this provider (src/Chat.Infrastructure/README.md)");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_in_the_same_order()
    {
        using var sqlite = DesignTimeContext(typeof(SqliteChatDbContext));
        using var sqlServer = DesignTimeContext(typeof(SqlServerChatDbContext));

        static IEnumerable<string> Names(DbContext db) =>
            db.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]);

        Names(sqlite).ShouldNotBeEmpty();
        Names(sqlServer).ShouldBe(Names(sqlite));
    }

    [Fact]
    public void Sql_server_schema_script_creates_identity_and_chat_tables_with_unique_indexes()
    {
        using var db = DesignTimeContext(typeof(SqlServerChatDbContext));

        var script = db.GetService<IMigrator>().GenerateScript();

        foreach (var table in new[] { "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "Channels", "ChannelMembers" })
        {
            script.ShouldContain($"CREATE TABLE [{table}]");
        }

        script.ShouldContain("CREATE UNIQUE INDEX [IX_Channels_Name] ON [Channels] ([Name])");
        script.ShouldContain("CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName])");
        script.ShouldContain("CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName])");
        script.ShouldContain("[DisplayName] nvarchar(64) NOT NULL");
        script.ShouldContain("[CreatedAt] datetimeoffset NOT NULL");
    }

    private static ChatDbContext DesignTimeContext(Type contextType) => contextType == typeof(SqliteChatDbContext)
        ? new SqliteDesignTimeFactory().CreateDbContext([])
        : new SqlServerDesignTimeFactory().CreateDbContext([]);

    private static Channel NewChannel(string name, string owner) =>
        Channel.Create(ChannelName.Create(name).Value, ChannelKind.Public, owner, DateTimeOffset.UtcNow).Value;
}
