using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Persistence;

/// <summary>Hands out the configured provider's context as the shared <see cref="ChatDbContext"/> type.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<ChatDbContext>
    where TContext : ChatDbContext
{
    public ChatDbContext CreateDbContext() => inner.CreateDbContext();
}
