namespace Chat.Web.Security;

/// <summary>The <c>Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// When cookies carry the Secure flag: <c>Always</c> (default; the app is served over HTTPS, directly
    /// or behind a TLS proxy) or <c>SameAsRequest</c> (plain-HTTP local runs; Development sets it).
    /// </summary>
    public CookieSecurePolicy CookieSecurePolicy { get; set; } = CookieSecurePolicy.Always;

    /// <summary>
    /// Trust X-Forwarded-For/-Proto from the reverse proxy that terminates TLS (default false). Turn it on
    /// only when the app is reachable solely through that proxy, as in docker-compose.yml.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }
}
