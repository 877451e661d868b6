using System.ComponentModel.DataAnnotations;

namespace Sunderfall.Frontend.Edge;

/// <summary>HTTP request limits per client address. Section "HttpRateLimit".</summary>
public sealed class HttpRateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HttpRateLimit";

    /// <summary>Register, login and refresh calls per minute from one address (brute force is also stopped per account).</summary>
    [Range(1, 1_000_000)]
    public int AuthPerMinute { get; set; } = 20;

    /// <summary>Any requests per 10 seconds from one address.</summary>
    [Range(1, 1_000_000)]
    public int GlobalPer10Seconds { get; set; } = 200;
}
