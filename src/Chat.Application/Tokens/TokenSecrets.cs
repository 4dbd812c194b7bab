using System.Security.Cryptography;
using System.Text;

namespace Chat.Application.Tokens;

/// <summary>Makes token secrets and the hashes they are stored and looked up by.</summary>
public static class TokenSecrets
{
    /// <summary>Every secret starts so, which lets secret scanners (and people) recognise a leaked one.</summary>
    public const string Prefix = "cet_";

    private const int HintLength = 10;

    public static (string Secret, string Hash, string Hint) New()
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (secret, Hash(secret), secret[..HintLength]);
    }

    // The secret is 256 random bits: a plain SHA-256 is enough, a slow password hash would only slow every request.
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
