using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite wait for another writer itself, in steps of a few milliseconds. Without it the driver answers a
/// busy database by sleeping 150 ms before trying again, so a message saved while the read cursors were being
/// written reached its channel 150 or 300 ms late, with a server thread asleep meanwhile.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 10_000;

    private static readonly string Pragma = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {Milliseconds};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
