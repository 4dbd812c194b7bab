using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Security;

public sealed class SecurityTests : WebAppTest
{
    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var browser = App.CreateBrowser();

        using var response = await browser.Http.GetAsync("/Account/Login");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task Sign_in_cookie_is_http_only_and_secure_by_default()
    {
        App.Settings["Security:CookieSecurePolicy"] = "Always";
        using var browser = App.CreateBrowser("https://localhost");

        using var response = await browser.RegisterAsync("ivy@example.com");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("chat.auth=", StringComparison.Ordinal));
        cookie.ShouldContain("secure");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
    }

    [Fact]
    public async Task Behind_a_tls_proxy_the_forwarded_scheme_gives_secure_cookies()
    {
        App.Settings["Security:CookieSecurePolicy"] = "Always";
        App.Settings["Security:TrustForwardedHeaders"] = "true";
        using var browser = App.CreateBrowser();
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await browser.Http.GetAsync("/Account/Login");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Set-Cookie")
            .ShouldContain(c => c.StartsWith("chat.antiforgery=", StringComparison.Ordinal) && c.Contains("secure"));
    }

    [Fact]
    public async Task Too_many_sign_in_posts_get_429_with_retry_after()
    {
        App.Settings["RateLimits:LoginPerMinute"] = "2";
        using var browser = App.CreateBrowser();

        (await browser.LoginAsync("nobody@example.com", "Wrong-1")).Dispose();
        (await browser.LoginAsync("nobody@example.com", "Wrong-2")).Dispose();
        using var third = await browser.LoginAsync("nobody@example.com", "Wrong-3");

        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter.ShouldNotBeNull();
        (await third.Content.ReadAsStringAsync()).ShouldContain("Too many sign-in attempts");
        (await browser.Http.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
