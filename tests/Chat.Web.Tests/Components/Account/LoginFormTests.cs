using Bunit;
using Chat.Infrastructure;
using Chat.Web.Components.Account;
using Chat.Web.Components.Account.Pages;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Chat.Web.Tests.Components.Account;

public class LoginFormTests : ComponentTestContext
{
    public LoginFormTests()
    {
        // The page injects the real sign-in services; nothing reaches the database unless a valid form is posted.
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddSingleton<IHostEnvironment>(new Environment());
        Services.AddLogging();
        Services.AddHttpContextAccessor();
        Services.AddInfrastructure();
        Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        Services.AddScoped<IdentityRedirectManager>();
    }

    private IRenderedComponent<Login> RenderLogin(string? returnUrl = null)
    {
        var http = new DefaultHttpContext { RequestServices = Services };
        http.Request.Method = HttpMethods.Get;
        if (returnUrl is not null)
        {
            Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>()
                .NavigateTo($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        return Render<Login>(p => p.AddCascadingValue(http));
    }

    [Fact]
    public void Shows_labelled_email_and_password_fields_and_a_register_link_that_keeps_the_return_url()
    {
        var login = RenderLogin("/c/general");

        login.Find("label[for='Input.Email']").TextContent.ShouldBe("E-mail");
        login.Find("#Input\\.Email").GetAttribute("autocomplete").ShouldBe("username");
        login.Find("#Input\\.Password").GetAttribute("type").ShouldBe("password");
        login.Find("#login-submit").TextContent.ShouldContain("Log in");
        login.Find("a[href*='Account/Register']").GetAttribute("href").ShouldNotBeNull().ShouldContain("ReturnUrl=%2Fc%2Fgeneral");
    }

    [Fact]
    public void Submitting_an_empty_form_explains_what_is_missing()
    {
        var login = RenderLogin();

        login.Find("form").Submit();

        var messages = login.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        messages.ShouldContain("Enter your e-mail address.");
        messages.ShouldContain("Enter your password.");
    }

    [Fact]
    public void An_invalid_email_is_reported_before_any_sign_in_attempt()
    {
        var login = RenderLogin();

        login.Find("#Input\\.Email").Change("not-an-email");
        login.Find("#Input\\.Password").Change("whatever");
        login.Find("form").Submit();

        login.Find(".validation-message").TextContent.ShouldBe("Enter a valid e-mail address.");
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "Chat.Web.Tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
