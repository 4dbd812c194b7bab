using Chat.Domain.Messages;

namespace Chat.Domain.Tests.Messages;

public class MessageTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static Message Posted(string body = "hello") =>
        Message.Post(Guid.NewGuid(), 1, "ann", Guid.NewGuid(), MessageBody.Create(body).Value, At);

    [Fact]
    public void The_sender_edits_and_the_version_and_edit_time_move()
    {
        var message = Posted();

        message.Edit("ann", MessageBody.Create("hello all").Value, At.AddMinutes(1)).Succeeded.ShouldBeTrue();

        message.Body.ShouldBe("hello all");
        message.Version.ShouldBe(2);
        message.EditedAt.ShouldBe(At.AddMinutes(1));
    }

    [Fact]
    public void Saving_the_same_text_is_not_an_edit()
    {
        var message = Posted();

        message.Edit("ann", MessageBody.Create("hello").Value, At.AddMinutes(1)).Succeeded.ShouldBeTrue();

        message.Version.ShouldBe(1);
        message.EditedAt.ShouldBeNull();
    }

    [Fact]
    public void Nobody_else_edits_not_even_an_administrator()
    {
        var message = Posted();

        message.Edit("bob", MessageBody.Create("pwned").Value, At).Error!.Code.ShouldBe("message.not_yours");

        message.Body.ShouldBe("hello");
    }

    [Fact]
    public void Deleting_leaves_a_tombstone_that_cannot_be_edited()
    {
        var message = Posted();

        message.Delete("ann", isAdministrator: false, At).Succeeded.ShouldBeTrue();

        message.IsDeleted.ShouldBeTrue();
        message.Body.ShouldBeEmpty();
        message.Sequence.ShouldBe(1);
        message.Edit("ann", MessageBody.Create("back").Value, At).Error!.Code.ShouldBe("message.deleted");
    }

    [Fact]
    public void Others_delete_only_as_administrators()
    {
        Posted().Delete("bob", isAdministrator: false, At).Error!.Code.ShouldBe("message.not_yours");
        Posted().Delete("bob", isAdministrator: true, At).Succeeded.ShouldBeTrue();
    }
}
