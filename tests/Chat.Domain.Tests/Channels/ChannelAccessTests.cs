using Chat.Domain.Channels;

namespace Chat.Domain.Tests.Channels;

public class ChannelAccessTests
{
    private static ChannelAccess Access(ChannelKind kind, bool archived, ChannelRole? role) =>
        new(Guid.NewGuid(), "c", kind, archived, role);

    [Theory]
    [InlineData(ChannelKind.Public, null, true)]
    [InlineData(ChannelKind.Private, null, false)]
    [InlineData(ChannelKind.Direct, null, false)]
    [InlineData(ChannelKind.Group, null, false)]
    [InlineData(ChannelKind.Private, ChannelRole.Member, true)]
    public void Only_public_channels_are_readable_by_non_members(ChannelKind kind, ChannelRole? role, bool canRead) =>
        Access(kind, archived: false, role).CanRead.ShouldBe(canRead);

    [Fact]
    public void Members_post_unless_the_channel_is_archived()
    {
        Access(ChannelKind.Public, archived: false, ChannelRole.Member).CanPost.ShouldBeTrue();
        Access(ChannelKind.Public, archived: true, ChannelRole.Owner).CanPost.ShouldBeFalse();
        Access(ChannelKind.Public, archived: false, role: null).CanPost.ShouldBeFalse();
    }
}
