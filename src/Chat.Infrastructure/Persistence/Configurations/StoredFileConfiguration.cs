using Chat.Domain.Channels;
using Chat.Domain.Files;
using Chat.Domain.Messages;
using Chat.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Infrastructure.Persistence.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("Files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.UploaderId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.OriginalName).HasMaxLength(FileName.MaxLength).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(128).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(f => f.StorageKey).HasMaxLength(64).IsRequired();
        builder.Property(f => f.ScanStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.ScanDetail).HasMaxLength(512);
        builder.Ignore(f => f.IsDownloadable);
        builder.Ignore(f => f.StorageKeys);
        builder.Property(f => f.ThumbnailKey).HasMaxLength(64);
        builder.Property(f => f.ThumbnailContentType).HasMaxLength(32);
        builder.HasIndex(f => f.StorageKey).IsUnique();
        builder.HasIndex(f => new { f.ChannelId, f.CreatedAt });
        builder.HasIndex(f => f.MessageId);

        // The recurring sweep finds files still waiting for a verdict.
        builder.HasIndex(f => new { f.ScanStatus, f.CreatedAt });
        builder.HasOne<Channel>().WithMany().HasForeignKey(f => f.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Message>().WithMany().HasForeignKey(f => f.MessageId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UploaderId).OnDelete(DeleteBehavior.Restrict);
    }
}
