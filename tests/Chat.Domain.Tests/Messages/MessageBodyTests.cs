using Chat.Domain.Messages;

namespace Chat.Domain.Tests.Messages;

public class MessageBodyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t\r\n")]
    [InlineData(null)]
    public void Blank_messages_are_refused(string? text) =>
        MessageBody.Create(text).Error!.Code.ShouldBe("message.empty");

    [Fact]
    public void Sixteen_thousand_characters_are_allowed_and_one_more_is_refused_with_the_count()
    {
        MessageBody.Create(new string('a', 16_000)).Succeeded.ShouldBeTrue();

        var error = MessageBody.Create(new string('a', 16_001)).Error!;

        error.Code.ShouldBe("message.too_long");
        error.Message.ShouldContain("16,001");
    }

    [Fact]
    public void Trailing_whitespace_goes_and_leading_indentation_stays() =>
        MessageBody.Create("    code()\n\n").Value.Value.ShouldBe("    code()");
}
