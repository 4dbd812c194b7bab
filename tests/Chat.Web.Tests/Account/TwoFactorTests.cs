using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Account;

public sealed class TwoFactorTests : WebAppTest
{
    [Fact]
    public async Task After_enabling_an_authenticator_sign_in_requires_its_code()
    {
        using var browser = App.CreateBrowser();
        (await browser.RegisterAsync("hal@example.com")).Dispose();

        var setup = await browser.GetPageAsync("/Account/Manage/EnableAuthenticator");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        setup.QuerySelector("#authenticator-qr svg").ShouldNotBeNull();

        using var wrongSetupCode = await browser.SubmitAsync("/Account/Manage/EnableAuthenticator", "send-code",
            new Dictionary<string, string> { ["Input.Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        (await wrongSetupCode.Content.ReadAsStringAsync()).ShouldContain("That code is not valid");

        using var enabled = await browser.SubmitAsync("/Account/Manage/EnableAuthenticator", "send-code",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var recoveryPage = await enabled.Content.ReadAsStringAsync();
        recoveryPage.ShouldContain("two-factor authentication is on");
        recoveryPage.ShouldContain("recovery-code");

        (await browser.LogoutAsync()).Dispose();
        using var password = await browser.LoginAsync("hal@example.com");
        password.Headers.Location!.ToString().ShouldContain("Account/LoginWith2fa");
        var secondStep = password.Headers.Location!.ToString();

        using var badCode = await browser.SubmitAsync(secondStep, "login-with-2fa",
            new Dictionary<string, string> { ["Input.TwoFactorCode"] = "12345x" });
        (await badCode.Content.ReadAsStringAsync()).ShouldContain("That code is not valid");
        (await browser.Http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var goodCode = await browser.SubmitAsync(secondStep, "login-with-2fa",
            new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        goodCode.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync("/")).QuerySelector("#welcome").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_second_step_without_a_password_first_goes_back_to_login()
    {
        using var browser = App.CreateBrowser();

        using var response = await browser.Http.GetAsync("/Account/LoginWith2fa");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("Account/Login");
    }
}
