using Chat.Domain.Users;
using Chat.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(DisplayName.MaxLength).IsRequired();
        builder.Property(u => u.Handle).HasMaxLength(UserHandle.MaxLength).IsRequired();
        builder.HasIndex(u => u.Handle).IsUnique();
        builder.Property(u => u.Theme).HasConversion<string>().HasMaxLength(16);
    }
}
