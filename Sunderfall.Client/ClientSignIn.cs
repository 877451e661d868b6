using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sunderfall.Protocol.Auth;

namespace Sunderfall.Client
{
    /// <summary>
    /// A client's sign-in: the tokens, their refresh before the access token expires (by the server's clock when this
    /// machine's disagrees) and when the server refuses one, and logout. It knows nothing of the hub connection: it
    /// tells its owner when tokens change and when the server ended the sign-in.
    /// </summary>
    internal sealed class ClientSignIn : IDisposable
    {
        /// <summary>A token this close to expiry is refreshed before it is used.</summary>
        private static readonly TimeSpan UseMargin = TimeSpan.FromSeconds(10);

        /// <summary>Clocks closer than this are taken to agree (see <see cref="Accept"/>).</summary>
        private static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(5);

        private readonly AuthApi api;
        private readonly SunderfallClientOptions options;
        private readonly ILogger logger;
        private readonly Action<AuthResponse> tokensChanged;
        private readonly Action<SunderfallAuthException> signInEnded;
        private readonly object gate = new object();
        private readonly SemaphoreSlim refreshGate = new SemaphoreSlim(1, 1);
        private AuthResponse? tokens;
        private DateTimeOffset accessExpiresLocal;
        private Timer? refreshTimer;
        private bool stopped;

        public ClientSignIn(Uri baseUrl, SunderfallClientOptions options, ILogger logger, Action<AuthResponse> tokensChanged, Action<SunderfallAuthException> signInEnded)
        {
            api = new AuthApi(baseUrl, options);
            this.options = options;
            this.logger = logger;
            this.tokensChanged = tokensChanged;
            this.signInEnded = signInEnded;
        }

        /// <summary>The tokens held now, or null when signed out.</summary>
        public AuthResponse? Current
        {
            get
            {
                lock (gate)
                {
                    return tokens;
                }
            }
        }

        /// <summary>When the current access token expires by this machine's clock, or null when signed out.</summary>
        public DateTimeOffset? AccessExpiresAt
        {
            get
            {
                lock (gate)
                {
                    return tokens is null ? (DateTimeOffset?)null : accessExpiresLocal;
                }
            }
        }

        /// <summary>Posts a sign-in (register, login, refresh-token) and keeps the tokens it returns.</summary>
        public async Task<AuthResponse> SignInAsync(string path, object body, CancellationToken cancellationToken)
        {
            (AuthResponse fresh, DateTimeOffset? serverTime) = await api.PostForTokensAsync(path, body, cancellationToken).ConfigureAwait(false);
            Accept(fresh, serverTime);
            return fresh;
        }

        public AuthResponse Require() =>
            Current ?? throw new InvalidOperationException("not signed in: call LoginAsync, RegisterAsync or SignInWithRefreshTokenAsync first");

        /// <summary>A valid access token, refreshed first when it is about to expire.</summary>
        public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
        {
            AuthResponse current = Require();
            DateTimeOffset expires;
            lock (gate)
            {
                expires = accessExpiresLocal;
            }

            if (DateTimeOffset.UtcNow + UseMargin < expires)
            {
                return current.AccessToken;
            }

            return (await RefreshIfStillAsync(current, cancellationToken).ConfigureAwait(false)).AccessToken;
        }

        /// <summary>
        /// Trades the refresh token for new tokens, unless they changed since <paramref name="seen"/> was read (then the
        /// newer ones are returned): concurrent callers refresh once.
        /// </summary>
        public async Task<AuthResponse> RefreshIfStillAsync(AuthResponse seen, CancellationToken cancellationToken)
        {
            await refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                AuthResponse current = Require();
                if (!ReferenceEquals(current, seen))
                {
                    return current;
                }

                (AuthResponse fresh, DateTimeOffset? serverTime) result;
                try
                {
                    result = await api.PostForTokensAsync("api/auth/refresh", new RefreshRequest { RefreshToken = current.RefreshToken }, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (SunderfallAuthException ex) when (ex.SignInEnded)
                {
                    Forget();
                    signInEnded(ex);
                    throw;
                }

                Accept(result.fresh, result.serverTime);
                return result.fresh;
            }
            finally
            {
                refreshGate.Release();
            }
        }

        /// <summary>Revokes the sign-in on the server (once more with a fresh token if the first is refused early) and forgets it.</summary>
        public async Task LogoutAsync(CancellationToken cancellationToken)
        {
            if (Current is null)
            {
                return;
            }

            try
            {
                string token = await AccessTokenAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await api.PostAsync("api/auth/logout", token, cancellationToken).ConfigureAwait(false);
                }
                catch (SunderfallAuthException ex) when (ex.StatusCode == 401)
                {
                    // The token was refused before its time (e.g. the clocks disagree): once more with a fresh one.
                    AuthResponse fresh = await RefreshIfStillAsync(Require(), cancellationToken).ConfigureAwait(false);
                    await api.PostAsync("api/auth/logout", fresh.AccessToken, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (SunderfallAuthException ex) when (ex.SignInEnded)
            {
                // Already ended on the server: nothing left to revoke.
            }
            catch (InvalidOperationException)
            {
                // Signed out meanwhile (the refresh was refused).
            }

            Forget();
        }

        /// <summary>Drops the tokens and their refresh timer.</summary>
        public void Forget()
        {
            lock (gate)
            {
                tokens = null;
                refreshTimer?.Dispose();
                refreshTimer = null;
            }
        }

        /// <summary>Stops refreshing for good (the client is being disposed) and releases the HTTP client.</summary>
        public void Dispose()
        {
            lock (gate)
            {
                stopped = true;
                refreshTimer?.Dispose();
                refreshTimer = null;
            }

            api.Dispose();
        }

        private void Accept(AuthResponse fresh, DateTimeOffset? serverTime)
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            // A game machine's clock may be minutes off: then the server's Date header says how long the token has
            // left. The header is truncated to the second and cached by the server for about as long, so within a few
            // seconds it cannot tell the clocks apart, and this machine's clock is the more precise.
            TimeSpan left = fresh.AccessTokenExpiresAt - now;
            if (serverTime is DateTimeOffset date && (date - now).Duration() > ClockTolerance)
            {
                left = fresh.AccessTokenExpiresAt - date - TimeSpan.FromSeconds(2);
            }

            TimeSpan refreshIn = left - Min(options.RefreshBeforeExpiry, TimeSpan.FromTicks(left.Ticks / 2));
            lock (gate)
            {
                tokens = fresh;
                accessExpiresLocal = now + left;
                refreshTimer?.Dispose();
                refreshTimer = stopped
                    ? null
                    : new Timer(_ => _ = RefreshOnScheduleAsync(fresh), null, Max(refreshIn, TimeSpan.Zero), Timeout.InfiniteTimeSpan);
            }

            tokensChanged(fresh);
        }

        private async Task RefreshOnScheduleAsync(AuthResponse seen)
        {
            lock (gate)
            {
                if (stopped)
                {
                    return;
                }
            }

            try
            {
                await RefreshIfStillAsync(seen, CancellationToken.None).ConfigureAwait(false);
            }
            catch (SunderfallAuthException ex) when (ex.SignInEnded)
            {
                // Reported to the owner by the refresh itself.
            }
            catch (InvalidOperationException)
            {
                // Signed out meanwhile.
            }
#pragma warning disable CA1031 // A timer callback has no caller: any other failure (no network) is retried later.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Refreshing the access token failed; retrying in {Delay}", options.RefreshRetryDelay);
                lock (gate)
                {
                    if (ReferenceEquals(tokens, seen) && !stopped)
                    {
                        refreshTimer?.Dispose();
                        refreshTimer = new Timer(_ => _ = RefreshOnScheduleAsync(seen), null, options.RefreshRetryDelay, Timeout.InfiniteTimeSpan);
                    }
                }
            }
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
