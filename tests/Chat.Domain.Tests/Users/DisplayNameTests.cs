using Chat.Domain.Users;

namespace Chat.Domain.Tests.Users;

public class DisplayNameTests
{
    [Theory]
    [InlineData("Ann Lee", "AL")]
    [InlineData("  ann  ", "A")]
    [InlineData("Mary Jane Watson", "MW")]
    [InlineData("émile zola", "ÉZ")]
    public void Initials_take_first_letters_of_first_and_last_word(string name, string initials) =>
        DisplayName.Create(name).Value.Initials.ShouldBe(initials);

    [Fact]
    public void Create_trims_surrounding_spaces() =>
        DisplayName.Create("  Ann Lee ").Value.Value.ShouldBe("Ann Lee");

    [Theory]
    [InlineData(null, "profile.display_name.empty")]
    [InlineData("   ", "profile.display_name.empty")]
    [InlineData("Ann\u0007", "profile.display_name.invalid")]
    public void Create_refuses_empty_or_control_characters(string? name, string code) =>
        DisplayName.Create(name).Error!.Code.ShouldBe(code);

    [Fact]
    public void Create_refuses_more_than_64_characters()
    {
        DisplayName.Create(new string('a', 64)).Succeeded.ShouldBeTrue();
        DisplayName.Create(new string('a', 65)).Error!.Code.ShouldBe("profile.display_name.too_long");
    }

    [Theory]
    [InlineData("ann.lee@example.com", "Ann Lee")]
    [InlineData("bob@example.com", "Bob")]
    [InlineData("x_y-z+tag@example.com", "X Y Z Tag")]
    public void FromEmail_makes_a_readable_name(string email, string name) =>
        DisplayName.FromEmail(email).Value.ShouldBe(name);
}
