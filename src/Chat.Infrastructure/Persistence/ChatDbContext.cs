using Chat.Domain.Audit;
using Chat.Domain.Tokens;
using Chat.Domain.Channels;
using Chat.Domain.Files;
using Chat.Domain.Messages;
using Chat.Infrastructure.Identity;
using Chat.Infrastructure.Messages;
using Chat.Infrastructure.Search;
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

    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    internal DbSet<MessageMention> MessageMentions => Set<MessageMention>();

    internal DbSet<ThreadFollower> ThreadFollowers => Set<ThreadFollower>();

    internal DbSet<SearchFeedEntry> SearchFeed => Set<SearchFeedEntry>();

    // What search shows of a message: a change to anything else (reactions, thread summary) needs no reindexing.
    private static readonly HashSet<string> Searchable =
        [nameof(Message.Body), nameof(Message.DeletedAt), nameof(Message.PinnedAt), nameof(Message.ChannelId)];

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RecordSearchChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RecordSearchChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Adds a feed line for every new or searchably changed message, in the same save. A new reply also marks its
    /// root, which is now part of a thread.
    /// </summary>
    private void RecordSearchChanges()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        var changed = new List<Guid>();
        foreach (var entry in ChangeTracker.Entries<Message>())
        {
            if (entry.State == EntityState.Added)
            {
                changed.Add(entry.Entity.Id);
                if (entry.Entity.ThreadRootId is { } rootId)
                {
                    changed.Add(rootId);
                }
            }
            else if (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && Searchable.Contains(p.Metadata.Name)))
            {
                changed.Add(entry.Entity.Id);
            }
        }

        SearchFeed.AddRange(changed.Distinct().Select(id => new SearchFeedEntry(id)));
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ChatDbContext).Assembly);
    }
}
