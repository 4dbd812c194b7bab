using Chat.Domain.Messages;

namespace Chat.Domain.Tests.Messages;

public class MentionsTests
{
    [Fact]
    public void Finds_handles_once_each_lowercased_without_trailing_punctuation()
    {
        var mentions = Mentions.Parse("@Bob and @carol.diaz, can you check? cc @bob.");

        mentions.Handles.ShouldBe(["bob", "carol.diaz"]);
        mentions.Broadcast.ShouldBeNull();
    }

    [Theory]
    [InlineData("write to ann@example.com")]
    [InlineData("inline `@bob` code")]
    [InlineData("```\n@bob in a block\n```")]
    [InlineData("a lone @ sign")]
    public void Addresses_code_and_lone_at_signs_mention_nobody(string text) =>
        Mentions.Parse(text).Handles.ShouldBeEmpty();

    [Theory]
    [InlineData("@channel deploy in 5", Broadcast.Channel)]
    [InlineData("@all lunch!", Broadcast.Channel)]
    [InlineData("@here anyone around?", Broadcast.Here)]
    [InlineData("@here and @channel", Broadcast.Channel)]
    public void Channel_all_and_here_mention_the_channel_not_a_person(string text, Broadcast expected)
    {
        var mentions = Mentions.Parse(text);

        mentions.Broadcast.ShouldBe(expected);
        mentions.Handles.ShouldBeEmpty();
    }

    [Fact]
    public void A_message_remembers_that_it_mentions_the_whole_channel_but_not_here()
    {
        Post("@channel release at five").MentionsChannel.ShouldBeTrue();
        Post("@here release at five").MentionsChannel.ShouldBeFalse();
    }

    [Fact]
    public void A_reply_belongs_to_its_roots_thread_and_shows_in_the_channel_only_when_also_sent_there()
    {
        var root = Post("root");

        var kept = Message.Reply(root, 2, "bob", Guid.NewGuid(), MessageBody.Create("in thread").Value, DateTimeOffset.UtcNow, false).Value;
        var shared = Message.Reply(root, 3, "bob", Guid.NewGuid(), MessageBody.Create("shared").Value, DateTimeOffset.UtcNow, true).Value;

        kept.ThreadRootId.ShouldBe(root.Id);
        kept.IsInChannel.ShouldBeFalse();
        shared.IsInChannel.ShouldBeTrue();
        root.IsInChannel.ShouldBeTrue();
    }

    [Fact]
    public void Threads_are_one_level_deep()
    {
        var root = Post("root");
        var reply = Message.Reply(root, 2, "bob", Guid.NewGuid(), MessageBody.Create("r").Value, DateTimeOffset.UtcNow, false).Value;

        Message.Reply(reply, 3, "bob", Guid.NewGuid(), MessageBody.Create("nested").Value, DateTimeOffset.UtcNow, false)
            .Error!.Code.ShouldBe("thread.nested");
    }

    private static Message Post(string text) =>
        Message.Post(Guid.NewGuid(), 1, "ann", Guid.NewGuid(), MessageBody.Create(text).Value, DateTimeOffset.UtcNow);
}
