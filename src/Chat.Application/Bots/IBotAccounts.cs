namespace Chat.Application.Bots;

/// <summary>Bot accounts: workspace members without a password, which act through access tokens only.</summary>
public interface IBotAccounts
{
    /// <summary>Creates the bot as a Member; null when the handle is taken.</summary>
    Task<BotAccount?> CreateAsync(string handle, string displayName, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<BotAccount>> ListAsync(CancellationToken cancellationToken);

    Task<BotAccount?> FindAsync(string botId, CancellationToken cancellationToken);
}

public sealed record BotAccount(string Id, string Handle, string DisplayName, DateTimeOffset CreatedAt);
