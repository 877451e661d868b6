using System.ComponentModel.DataAnnotations;

namespace Sunderfall.Grains.Parties;

/// <summary>Party rules. Bound from the "Parties" configuration section.</summary>
public sealed class PartyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Parties";

    /// <summary>Most members a party may have, the leader included.</summary>
    [Range(2, 40, ErrorMessage = "Parties:MaxSize must be 2 to 40.")]
    public int MaxSize { get; set; } = 5;

    /// <summary>How long an invite can be accepted after it was sent.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Parties:InviteLifetime must be 00:00:01 to 01:00:00.")]
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromSeconds(60);
}
