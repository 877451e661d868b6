using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Auth;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Combat;
using Sunderfall.Protocol.Errors;
using Sunderfall.Protocol.Social;
using Sunderfall.Protocol.World;

namespace Sunderfall.Client
{
    /// <summary>
    /// A game client for Sunderfall: signs in over HTTP and keeps the access token fresh, connects to the game hub and
    /// reconnects by itself, re-enters the character after a drop (session resume), offers a typed method for every
    /// hub method and an event for every server message, and keeps a local view of the zone (<see cref="World"/>).
    /// </summary>
    /// <remarks>
    /// Events are raised on the connection's background threads, one server message at a time, in the order the
    /// server sent them; a Unity app hands them to its main thread (see docs/client-sdk.md). Methods may be called from
    /// any thread. An exception thrown by an event handler is logged and does not stop the client.
    /// </remarks>
    public sealed partial class SunderfallClient : IAsyncDisposable
    {
        private readonly SunderfallClientOptions options;
        private readonly ClientSignIn signIn;
        private readonly ILogger logger;
        private readonly object gate = new object();
        private readonly LocalWorld world = new LocalWorld();
        private int disposed;

        /// <summary>
        /// A client of the frontend at <paramref name="baseUrl"/> (e.g. https://play.example.com/), which serves the
        /// account API under api/auth and the game hub under hubs/game. Nothing is sent until a method is called.
        /// </summary>
        public SunderfallClient(Uri baseUrl, SunderfallClientOptions? options = null)
        {
            if (baseUrl is null)
            {
                throw new ArgumentNullException(nameof(baseUrl));
            }

            if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"the base URL must be an absolute http or https URL, e.g. https://play.example.com/; it is {baseUrl}", nameof(baseUrl));
            }

            this.options = options ?? new SunderfallClientOptions();
            this.options.Validate();
            string text = baseUrl.GetLeftPart(UriPartial.Path);
            BaseUrl = new Uri(text.EndsWith('/') ? text : text + "/");
            HubUrl = new Uri(BaseUrl, HubNames.Path.TrimStart('/'));
            logger = this.options.LoggerFactory?.CreateLogger("Sunderfall.Client") ?? (ILogger)NullLogger.Instance;
            signIn = new ClientSignIn(BaseUrl, this.options, logger, fresh => Raise(TokensChanged, fresh, nameof(TokensChanged)), SignInEnded);
        }

        /// <summary>The frontend's base URL (ending in a slash).</summary>
        public Uri BaseUrl { get; }

        /// <summary>The game hub's URL.</summary>
        public Uri HubUrl { get; }

        /// <summary>The zone as this client sees it, kept current from the server's WorldDelta events.</summary>
        public LocalWorld World => world;

        /// <summary>Raised after every change of <see cref="State"/>.</summary>
        public event EventHandler<ConnectionStateChange>? ConnectionStateChanged;

        /// <summary>Raised when the client re-entered the character by itself after a reconnection: the zone it is in
        /// now (normally the one it was in, at the position it stood).</summary>
        public event EventHandler<ZoneEntered>? Resumed;

        /// <summary>Raised when re-entering the character after a reconnection was refused (e.g. the character was
        /// deleted) or kept failing for <see cref="SunderfallClientOptions.ResumeTimeout"/>; the client stays connected
        /// with no character in the world.</summary>
        public event EventHandler<ServerError>? ResumeFailed;

        /// <summary>
        /// Raised when the server ended this session: SessionReplaced (the account connected from elsewhere),
        /// SessionEnded (logged out, banned, or the sign-in was refused on refresh: sign in again) or Kicked. The
        /// client does not reconnect after it; <see cref="ConnectAsync"/> starts again.
        /// </summary>
        public event EventHandler<ServerError>? SessionClosed;

        /// <summary>Raised after register, login and every refresh with the new tokens (the refresh token rotates:
        /// an app that remembers the sign-in stores the newest one).</summary>
        public event EventHandler<AuthResponse>? TokensChanged;

        /// <summary>Raised after each WorldDelta was applied to <see cref="World"/>.</summary>
        public event EventHandler<WorldUpdate>? WorldUpdated;

        /// <summary>Raised when the character arrived in another zone (a portal, or re-entry after a server fault).</summary>
        public event EventHandler<ZoneEntered>? ZoneChanged;

        /// <summary>Raised when the character was stopped by a wall or the zone's edge; X, Y is where the server has it.</summary>
        public event EventHandler<MoveCorrection>? CorrectionReceived;

        /// <summary>Raised with a tick's combat events that involve something in view.</summary>
        public event EventHandler<CombatEvents>? CombatReceived;

        /// <summary>Raised when the character's own health, resource, death or cast changed.</summary>
        public event EventHandler<Vitals>? VitalsChanged;

        /// <summary>Raised for each chat line addressed to the character (zone, party, whisper or system).</summary>
        public event EventHandler<ChatMessage>? ChatReceived;

        /// <summary>Raised when the character's party changed (an empty PartyId: no party any more).</summary>
        public event EventHandler<PartyInfo>? PartyChanged;

        /// <summary>Raised when a party leader invited the character.</summary>
        public event EventHandler<PartyInviteInfo>? PartyInvited;

        /// <summary>Raised when a reward from a fight was committed and applied, with the new sheet.</summary>
        public event EventHandler<RewardInfo>? RewardReceived;

        /// <summary>Raised when an item call changed the character sheet.</summary>
        public event EventHandler<CharacterSheetInfo>? SheetChanged;

        /// <summary>
        /// Raised for every Error event of the server (a refused fire-and-forget call such as a malformed Move, or a
        /// closed session), and for the client's own failures to apply a world delta (code Internal; the client then
        /// reconnects to start from a fresh view).
        /// </summary>
        public event EventHandler<ServerError>? ErrorReceived;

        /// <summary>Disconnects (the server saves the character where it stands) and releases everything. The sign-in
        /// is not revoked: call <see cref="LogoutAsync"/> first for that.</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0)
            {
                return;
            }

            await DisconnectCoreAsync(disposing: true).ConfigureAwait(false);
            signIn.Dispose();
        }

        private void ThrowIfDisposed()
        {
            if (Volatile.Read(ref disposed) != 0)
            {
                throw new ObjectDisposedException(nameof(SunderfallClient));
            }
        }

        /// <summary>Raises an event; a handler's exception is logged, never allowed to stop the client.</summary>
        private void Raise<T>(EventHandler<T>? handler, T args, string name)
        {
            if (handler is null)
            {
                return;
            }

            try
            {
                handler(this, args);
            }
#pragma warning disable CA1031 // Whatever an app's handler throws, reconnection and the world view must go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "A handler of {Event} threw", name);
            }
        }
    }
}
