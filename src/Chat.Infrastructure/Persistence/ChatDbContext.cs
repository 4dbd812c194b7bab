using Chat.Domain.Audit;
using Chat.Domain.Channels;
using Chat.Domain.Files;
using Chat.Domain.Messages;
using Chat.Infrastructure.Identity;
using Chat.Infrastructure.Messages;
using Chat.Infrastructure.Threads;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Persistence;

/// <summary>
/// The one database context: Identity plus the chat model. Each provider has a subclass only so that
/// its migrations live apart (docs/decisions/0002-migrations-per-provider.md).
/// </summary>
public abstract class ChatDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>Keys that protect cookies and tokens, shared by every node through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<ChannelMember> ChannelMembers => Set<ChannelMember>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<Reaction> Reactions => Set<Reaction>();

    public DbSet<StoredFile> Files => Set<StoredFile>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    internal DbSet<MessageMention> MessageMentions => Set<MessageMention>();

    internal DbSet<ThreadFollower> ThreadFollowers => Set<ThreadFollower>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ChatDbContext).Assembly);
    }
}
