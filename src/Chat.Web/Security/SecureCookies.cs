using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Chat.Web.Security;

/// <summary>Applies one cookie policy to every authentication cookie and to the antiforgery cookie.</summary>
internal sealed class SecureCookies(IOptions<SecurityOptions> security)
    : IConfigureNamedOptions<CookieAuthenticationOptions>, IConfigureOptions<AntiforgeryOptions>
{
    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = security.Value.CookieSecurePolicy;
    }

    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);

    public void Configure(AntiforgeryOptions options)
    {
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = security.Value.CookieSecurePolicy;
    }
}
