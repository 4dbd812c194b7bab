using Chat.Domain.Users;

namespace Chat.Domain.Tests.Users;

public class UserHandleTests
{
    [Theory]
    [InlineData("Ann.Lee@example.com", "ann.lee")]
    [InlineData("bob+chat@example.com", "bob")]
    [InlineData("_x!y@example.com", "xy")]
    [InlineData("!!!@example.com", "user")]
    [InlineData("here@example.com", "here1")]
    public void Comes_from_the_address_local_part_in_the_allowed_characters(string email, string handle) =>
        UserHandle.FromEmail(email).ShouldBe(handle);

    [Fact]
    public void Alternatives_count_up_from_two() =>
        new[] { 1, 2, 3 }.Select(n => UserHandle.Alternative("ann", n)).ShouldBe(["ann", "ann2", "ann3"]);
}
