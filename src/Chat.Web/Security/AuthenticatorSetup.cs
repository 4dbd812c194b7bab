using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Chat.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Chat.Web.Security;

/// <param name="SharedKey">The key grouped in fours, for typing into an app by hand.</param>
/// <param name="QrCodeSvg">An SVG QR code of the otpauth URI, made on the server (no script, no external service).</param>
internal sealed record AuthenticatorKey(string SharedKey, string AuthenticatorUri, string QrCodeSvg);

/// <summary>Prepares what a user needs to add this account to an authenticator app.</summary>
internal sealed class AuthenticatorSetup(UserManager<ApplicationUser> users, UrlEncoder urlEncoder)
{
    private const string Issuer = "Chat.Enterprise";

    public async Task<AuthenticatorKey> GetOrCreateKeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = string.Format(
            CultureInfo.InvariantCulture,
            "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            urlEncoder.Encode(Issuer),
            urlEncoder.Encode(user.Email!),
            key);
        return new AuthenticatorKey(Group(key!), uri, QrSvg(uri));
    }

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }

    private static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
