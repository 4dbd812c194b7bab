using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Account;

public sealed class AccountFlowTests : WebAppTest
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var browser = App.CreateBrowser();

        foreach (var path in new[] { "/", "/Account/Manage" })
        {
            using var response = await browser.Http.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.ToString().ShouldContain("Account/Login");
        }

        (await browser.GetPageAsync("/Account/Register")).Title.ShouldStartWith("Create an account");
    }

    [Fact]
    public async Task Registering_signs_the_user_in_and_shows_their_name()
    {
        using var browser = App.CreateBrowser();

        using var registered = await browser.RegisterAsync("ann.lee@example.com", name: "Ann Lee");

        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = await browser.GetPageAsync("/");
        home.QuerySelector("#welcome")!.TextContent.ShouldContain("Welcome, Ann Lee");
    }

    [Fact]
    public async Task Logging_out_and_in_again_works_and_wrong_passwords_get_a_clear_message()
    {
        using var browser = App.CreateBrowser();
        (await browser.RegisterAsync("bob@example.com")).Dispose();
        using var loggedOut = await browser.LogoutAsync();
        loggedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var wrong = await browser.LoginAsync("bob@example.com", "Wrong-Password-1");
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        wrongPage.ShouldContain("Wrong e-mail or password.");
        wrongPage.ShouldNotContain("   at ");

        using var right = await browser.LoginAsync("bob@example.com");
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync("/")).QuerySelector("#welcome")!.TextContent.ShouldContain("Bob");
    }

    [Fact]
    public async Task Duplicate_email_and_weak_password_are_explained_on_the_form()
    {
        using var browser = App.CreateBrowser();
        (await browser.RegisterAsync("carol@example.com")).Dispose();
        using var anonymous = App.CreateBrowser();

        using var duplicate = await anonymous.RegisterAsync("carol@example.com");
        using var weak = await anonymous.RegisterAsync("dave@example.com", "alllowercase12");

        duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("is already taken");
        (await weak.Content.ReadAsStringAsync()).ShouldContain("at least one uppercase");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var owner = App.CreateBrowser();
        (await owner.RegisterAsync("erin@example.com")).Dispose();
        using var attacker = App.CreateBrowser();

        for (var attempt = 1; attempt < 5; attempt++)
        {
            using var failed = await attacker.LoginAsync("erin@example.com", $"Guess-number-{attempt}");
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var fifth = await attacker.LoginAsync("erin@example.com", "Guess-number-5");
        using var right = await attacker.LoginAsync("erin@example.com");

        fifth.Headers.Location!.ToString().ShouldContain("Account/Lockout");
        right.Headers.Location!.ToString().ShouldContain("Account/Lockout");
        (await attacker.GetPageAsync("/Account/Lockout")).Body!.TextContent.ShouldContain("locked for 15 minutes");
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused_with_a_clear_message()
    {
        using var browser = App.CreateBrowser();

        using var response = await browser.SubmitAsync(
            "/Account/Login",
            "login",
            new Dictionary<string, string> { ["Input.Email"] = "x@example.com", ["Input.Password"] = "x" },
            withAntiforgery: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("antiforgery token");
        body.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Logout_without_antiforgery_token_keeps_the_user_signed_in()
    {
        using var browser = App.CreateBrowser();
        (await browser.RegisterAsync("fay@example.com")).Dispose();

        using var forged = await browser.LogoutAsync(withAntiforgery: false);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetPageAsync("/")).QuerySelector("#welcome").ShouldNotBeNull();
    }

    [Fact]
    public async Task Profile_page_changes_the_display_name_and_initials()
    {
        using var browser = App.CreateBrowser();
        (await browser.RegisterAsync("gus@example.com", name: "Gus")).Dispose();

        using var saved = await browser.SubmitAsync(
            "/Account/Manage", "profile", new Dictionary<string, string> { ["Input.DisplayName"] = "Gustav Mahler" });
        using var empty = await browser.SubmitAsync(
            "/Account/Manage", "profile", new Dictionary<string, string> { ["Input.DisplayName"] = "" });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("Enter the name colleagues should see.");
        (await browser.GetPageAsync("/Account/Manage")).QuerySelector("#profile-initials")!.TextContent.ShouldBe("GM");
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_the_new_one_works_afterwards()
    {
        using var browser = App.CreateBrowser();
        (await browser.RegisterAsync("kim@example.com")).Dispose();
        const string newPassword = "Brand-New-Pass-7";

        using var wrongCurrent = await browser.SubmitAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "Not-My-Password-1",
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        using var changed = await browser.SubmitAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = BrowserClient.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

        (await wrongCurrent.Content.ReadAsStringAsync()).ShouldContain("Incorrect password.");
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.LogoutAsync()).Dispose();
        using var oldLogin = await browser.LoginAsync("kim@example.com");
        (await oldLogin.Content.ReadAsStringAsync()).ShouldContain("Wrong e-mail or password.");
        using var newLogin = await browser.LoginAsync("kim@example.com", newPassword);
        newLogin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
