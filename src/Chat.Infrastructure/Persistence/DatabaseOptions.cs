using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Persistence;

/// <summary>The <c>Database</c> section: which provider to use and how to reach it.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = nameof(Sqlite);
    public const string SqlServer = nameof(SqlServer);

    /// <summary><c>Sqlite</c> (default, a file in the data folder) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Required for SQL Server; for SQLite the default is <c>{Storage:DataPath}/chat.db</c>.</summary>
    public string? ConnectionString { get; set; }

    public bool IsSqlServer => string.Equals(Provider, SqlServer, StringComparison.OrdinalIgnoreCase);
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var known = string.Equals(options.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase)
            || options.IsSqlServer;
        if (!known)
        {
            return ValidateOptionsResult.Fail(
                $"Database:Provider must be '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.SqlServer}', not '{options.Provider}'.");
        }

        if (options.IsSqlServer && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "Database:ConnectionString is required when Database:Provider is SqlServer.");
        }

        return ValidateOptionsResult.Success;
    }
}
