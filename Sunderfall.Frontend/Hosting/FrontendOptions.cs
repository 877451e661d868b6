using System.ComponentModel.DataAnnotations;

namespace Sunderfall.Frontend.Hosting;

/// <summary>How this frontend identifies itself to zones and renews its subscriptions. Section "Frontend".</summary>
public sealed class FrontendOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Frontend";

    /// <summary>Unique per running frontend; empty means one is generated from the host name and process id.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{0,64}$", ErrorMessage = "Frontend:FrontendId must be up to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'.")]
    public string FrontendId { get; set; } = "";

    /// <summary>How often every zone subscription is renewed (zones drop frontends silent for longer than their lease).</summary>
    public TimeSpan SubscriptionRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Serve plain HTTP on non-loopback addresses (only when TLS ends at a proxy in front of this frontend).</summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>
    /// Every how many zone ticks a client is sent what changed around it (at the default 30 ticks a second, 1: every
    /// tick; 3: 10 a second). A tick that applies one of the client's own inputs or brings it combat sends it its
    /// delta at once, whatever this says, so a player never waits longer for the result of its input. Kept in step
    /// with World:TickInterval on the silos.
    /// </summary>
    [Range(1, 20, ErrorMessage = "Frontend:WorldUpdateEveryTicks must be 1 (every tick) to 20.")]
    public int WorldUpdateEveryTicks { get; set; } = 3;

    /// <summary>
    /// Least time between two calls carrying movement inputs to one zone from this frontend (zero: a call as soon as
    /// the previous one returned). Inputs wait for the zone's tick anyway; a lone input on a quiet zone leaves at once.
    /// </summary>
    public TimeSpan InputBatchInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Largest client message accepted by the hub, in bytes.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 32 * 1024;
}
