using Chat.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Infrastructure.Persistence.Configurations;

internal sealed class SearchFeedEntryConfiguration : IEntityTypeConfiguration<SearchFeedEntry>
{
    public void Configure(EntityTypeBuilder<SearchFeedEntry> builder)
    {
        builder.ToTable("SearchFeed");
        builder.HasKey(e => e.Position);
        builder.Property(e => e.Position).ValueGeneratedOnAdd();
        builder.Property(e => e.MessageId);
    }
}
