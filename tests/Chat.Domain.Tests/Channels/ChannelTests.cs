using Chat.Domain.Channels;

namespace Chat.Domain.Tests.Channels;

public class ChannelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static Channel NewChannel(ChannelKind kind = ChannelKind.Public) =>
        Channel.Create(ChannelName.Create("general").Value, kind, "ann", Now).Value;

    [Fact]
    public void Creator_becomes_the_owner()
    {
        var channel = NewChannel();

        channel.Members.ShouldHaveSingleItem().Role.ShouldBe(ChannelRole.Owner);
        channel.HasMember("ann").ShouldBeTrue();
    }

    [Theory]
    [InlineData(ChannelKind.Direct)]
    [InlineData(ChannelKind.Group)]
    public void Direct_and_group_conversations_are_not_created_by_name(ChannelKind kind) =>
        Channel.Create(ChannelName.Create("dm").Value, kind, "ann", Now).Error!.Code.ShouldBe("channel.kind.invalid");

    [Fact]
    public void Reading_moves_the_members_cursor_forward_and_an_older_read_does_not_move_it_back()
    {
        var channel = NewChannel();
        channel.AddMember("bob", Now);
        var bob = channel.Members.Single(m => m.UserId == "bob");

        bob.Read(7);
        bob.Read(3);

        bob.LastReadSequence.ShouldBe(7);
    }

    [Fact]
    public void Adding_a_member_twice_keeps_one_membership()
    {
        var channel = NewChannel();

        channel.AddMember("bob", Now);
        channel.AddMember("bob", Now);

        channel.Members.Count(m => m.UserId == "bob").ShouldBe(1);
        channel.Members.Single(m => m.UserId == "bob").Role.ShouldBe(ChannelRole.Member);
    }

    [Fact]
    public void Describe_refuses_an_overlong_topic_and_keeps_the_old_one()
    {
        var channel = NewChannel();
        channel.Describe("Deploys", "Release coordination").Succeeded.ShouldBeTrue();

        var result = channel.Describe(new string('x', Channel.MaxTopicLength + 1), "ok");

        result.Error!.Code.ShouldBe("channel.description.too_long");
        channel.Topic.ShouldBe("Deploys");
        channel.Purpose.ShouldBe("Release coordination");
    }

    [Fact]
    public void A_direct_conversation_has_the_same_name_whoever_opens_it()
    {
        var byAnn = Channel.OpenDirect("ann", ["bob"], Now).Value;
        var byBob = Channel.OpenDirect("bob", ["ann", "ann"], Now).Value;

        byAnn.Name.ShouldBe(byBob.Name);
        byAnn.Kind.ShouldBe(ChannelKind.Direct);
        byAnn.Members.Select(m => m.UserId).ShouldBe(["ann", "bob"], ignoreOrder: true);
        ChannelName.Create(byAnn.Name).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Three_to_eight_people_make_a_group_and_nine_are_refused()
    {
        Channel.OpenDirect("ann", ["bob", "cy"], Now).Value.Kind.ShouldBe(ChannelKind.Group);
        Channel.OpenDirect("ann", ["b", "c", "d", "e", "f", "g", "h"], Now).Succeeded.ShouldBeTrue();
        Channel.OpenDirect("ann", ["b", "c", "d", "e", "f", "g", "h", "i"], Now).Error!.Code.ShouldBe("dm.too_many");
        Channel.OpenDirect("ann", ["ann"], Now).Error!.Code.ShouldBe("dm.nobody");
        Channel.OpenDirect("ann", ["bob", "cy"], Now).Value.Name.ShouldNotBe(Channel.OpenDirect("ann", ["bob"], Now).Value.Name);
    }
}
