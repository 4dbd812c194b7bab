namespace Chat.Web.Endpoints.Api;

/// <summary>The <c>Api</c> section: what one user's API clients may use.</summary>
public sealed class ApiLimits
{
    public const string Section = "Api";

    /// <summary>Open hub connections per user on one node (default 20).</summary>
    public int MaxConnectionsPerUser { get; set; } = 20;

    /// <summary>REST requests per token (or user) per minute (default 600); over it, 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Largest REST request body or hub message in kilobytes (default 64; files go through uploads).</summary>
    public int MaxMessageKilobytes { get; set; } = 64;
}
