using Sunderfall.Grains.Interfaces.Accounts;

namespace Sunderfall.Frontend.SignIn;

/// <summary>The grain reference to this frontend's <see cref="SessionRelay"/>, created once.</summary>
public sealed class SessionObserverReference(IClusterClient client, SessionRelay relay)
{
    private ISessionObserver? reference;

    public ISessionObserver Observer => reference ??= client.CreateObjectReference<ISessionObserver>(relay);
}
