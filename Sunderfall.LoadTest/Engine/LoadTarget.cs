namespace Sunderfall.LoadTest.Engine;

/// <summary>What the bots play against.</summary>
public enum LoadTarget
{
    /// <summary>A Sunderfall frontend, through the client SDK.</summary>
    Sunderfall,

    /// <summary>The naive SignalR relay (Sunderfall.NaiveRelay).</summary>
    Relay,

    /// <summary>Bare Orleans calls to the ping grain of a Sunderfall cluster.</summary>
    Ping,
}
