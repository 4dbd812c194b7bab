using Chat.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.Action).HasMaxLength(64).IsRequired();
        builder.Property(e => e.TargetType).HasMaxLength(32).IsRequired();
        builder.Property(e => e.TargetId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.HasIndex(e => new { e.Action, e.Id });

        // No foreign key to the user: the log outlives the accounts it mentions (erasure anonymises, the log stays).
    }
}
