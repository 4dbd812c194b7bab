using Chat.Domain.Channels;
using Chat.Domain.Messages;
using Chat.Infrastructure.Identity;
using Chat.Infrastructure.Messages;
using Chat.Infrastructure.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Infrastructure.Persistence.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.SenderId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(MessageBody.MaxLength).IsRequired();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.IsDeleted);
        builder.Ignore(m => m.IsInChannel);
        builder.HasIndex(m => new { m.ThreadRootId, m.Sequence });
        builder.Property(m => m.PinnedById).HasMaxLength(450);
        builder.HasIndex(m => new { m.ChannelId, m.PinnedAt });

        // The delivery guarantees live here: one message per channel position, one per client send.
        builder.HasIndex(m => new { m.ChannelId, m.Sequence }).IsUnique();
        builder.HasIndex(m => new { m.SenderId, m.ClientMessageId }).IsUnique();

        builder.HasOne<Channel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.SenderId).OnDelete(DeleteBehavior.Restrict);

        // Deletes are soft, so a root never disappears under its replies.
        builder.HasOne<Message>().WithMany().HasForeignKey(m => m.ThreadRootId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> builder)
    {
        builder.HasKey(r => new { r.MessageId, r.UserId, r.EmojiId });
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.EmojiId).HasMaxLength(32);
        builder.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageMentionConfiguration : IEntityTypeConfiguration<MessageMention>
{
    public void Configure(EntityTypeBuilder<MessageMention> builder)
    {
        builder.HasKey(m => new { m.MessageId, m.UserId });
        builder.Property(m => m.UserId).HasMaxLength(450);

        // Unread mentions are counted per member and channel after their read cursor.
        builder.HasIndex(m => new { m.UserId, m.ChannelId, m.Sequence });
        builder.HasOne<Message>().WithMany().HasForeignKey(m => m.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThreadFollowerConfiguration : IEntityTypeConfiguration<ThreadFollower>
{
    public void Configure(EntityTypeBuilder<ThreadFollower> builder)
    {
        builder.HasKey(f => new { f.RootMessageId, f.UserId });
        builder.Property(f => f.UserId).HasMaxLength(450);
        builder.HasIndex(f => f.UserId);
        builder.HasOne<Message>().WithMany().HasForeignKey(f => f.RootMessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
