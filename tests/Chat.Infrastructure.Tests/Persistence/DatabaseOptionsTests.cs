using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Tests.Persistence;

public class DatabaseOptionsTests
{
    [Fact]
    public async Task Unknown_provider_is_refused_naming_the_setting()
    {
        await using var workspace = TestWorkspace.Create(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var error = Should.Throw<OptionsValidationException>(
            () => workspace.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        error.Message.ShouldContain("Database:Provider");
        error.Message.ShouldContain("Oracle");
    }

    [Fact]
    public async Task Sql_server_without_a_connection_string_is_refused()
    {
        await using var workspace = TestWorkspace.Create(new Dictionary<string, string?> { ["Database:Provider"] = "SqlServer" });

        Should.Throw<OptionsValidationException>(
                () => workspace.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value)
            .Message.ShouldContain("Database:ConnectionString");
    }

    [Fact]
    public async Task Sql_server_setting_switches_the_context_to_sql_server()
    {
        await using var workspace = TestWorkspace.Create(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["Database:ConnectionString"] = "Server=db.example;Database=Chat;User Id=chat;Password=x;TrustServerCertificate=true",
        });

        await using var db = workspace.NewContext();

        db.ShouldBeOfType<SqlServerChatDbContext>();
        db.Database.IsSqlServer().ShouldBeTrue();
        db.Database.GetConnectionString().ShouldNotBeNull().ShouldContain("db.example");
    }

    [Fact]
    public async Task No_configuration_means_sqlite_in_the_data_folder()
    {
        await using var workspace = TestWorkspace.Create();

        await using var db = workspace.NewContext();

        db.ShouldBeOfType<SqliteChatDbContext>();
        db.Database.GetConnectionString().ShouldBe($"Data Source={workspace.DatabasePath}");
    }

    [Fact]
    public async Task Sqlite_connections_wait_for_another_writer_in_sqlite_itself()
    {
        // Otherwise the driver sleeps 150 ms whenever two writers meet (see SqliteBusyTimeout).
        await using var workspace = await TestWorkspace.InitializedAsync();
        await using var db = workspace.NewContext();
        await db.Database.OpenConnectionAsync();

        await using var query = db.Database.GetDbConnection().CreateCommand();
        query.CommandText = "PRAGMA busy_timeout;";

        Convert.ToInt32(await query.ExecuteScalarAsync()).ShouldBe(SqliteBusyTimeout.Milliseconds);
    }
}
