using Sunderfall.Grains.Parties;

namespace Sunderfall.Grains.Tests.Parties;

/// <summary>The party rules the test silos run: the default size and a short invite lifetime, so expiry can be awaited.</summary>
public static class TestParties
{
    public const int MaxSize = 5;

    /// <summary>Long enough for any test's invite-then-accept, short enough to wait out in the expiry test.</summary>
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromSeconds(3);

    public static void Configure(PartyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MaxSize = MaxSize;
        options.InviteLifetime = InviteLifetime;
    }
}
