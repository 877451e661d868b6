using Orleans.Concurrency;

namespace Sunderfall.Grains.Interfaces.Accounts;

/// <summary>A frontend's receiver for session takeovers: one per frontend.</summary>
public interface ISessionObserver : IGrainObserver
{
    /// <summary>Close this connection, telling the client why.</summary>
    // One-way: the caller must not wait on a frontend, which may be gone.
    [OneWay]
    Task OnSessionClosedAsync(string connectionId, SessionCloseReason reason, string message);
}
