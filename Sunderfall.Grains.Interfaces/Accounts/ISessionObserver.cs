using Orleans.Concurrency;

namespace Sunderfall.Grains.Interfaces.Accounts;

/// <summary>A frontend's receiver for session takeovers: one per frontend.</summary>
public interface ISessionObserver : IGrainObserver
{
    /// <summary>The account signed in elsewhere: close this connection, telling the client why.</summary>
    // One-way: the new session must not wait on the old frontend, which may be gone.
    [OneWay]
    Task OnSessionReplacedAsync(string connectionId, string reason);
}
