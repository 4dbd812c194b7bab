using Chat.Domain.Channels;

namespace Chat.Domain.Tests.Channels;

public class ChannelNameTests
{
    [Theory]
    [InlineData("general")]
    [InlineData("#team-42_ops")]
    [InlineData("9lives")]
    public void Accepts_lowercase_letters_digits_dash_and_underscore(string name) =>
        ChannelName.Create(name).Succeeded.ShouldBeTrue();

    [Fact]
    public void Strips_a_leading_hash() => ChannelName.Create("#random").Value.Value.ShouldBe("random");

    [Theory]
    [InlineData("General")]
    [InlineData("two words")]
    [InlineData("-leading-dash")]
    [InlineData("emoji🎉")]
    public void Refuses_other_characters(string name) =>
        ChannelName.Create(name).Error!.Code.ShouldBe("channel.name.invalid");

    [Fact]
    public void Refuses_empty_and_over_80_characters()
    {
        ChannelName.Create("").Error!.Code.ShouldBe("channel.name.empty");
        ChannelName.Create(new string('a', 80)).Succeeded.ShouldBeTrue();
        ChannelName.Create(new string('a', 81)).Error!.Code.ShouldBe("channel.name.too_long");
    }
}
