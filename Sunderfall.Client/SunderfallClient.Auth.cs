using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sunderfall.Protocol.Auth;
using Sunderfall.Protocol.Errors;

namespace Sunderfall.Client
{
    // Signing in: the tokens, their refresh before expiry and on a refused token, logout.
    public sealed partial class SunderfallClient
    {
        /// <summary>A token this close to expiry is refreshed before it is used.</summary>
        private static readonly TimeSpan UseMargin = TimeSpan.FromSeconds(10);

        /// <summary>Clocks closer than this are taken to agree (see <see cref="Accept"/>).</summary>
        private static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(5);

        private readonly SemaphoreSlim refreshGate = new SemaphoreSlim(1, 1);
        private AuthResponse? tokens;
        private DateTimeOffset accessExpiresLocal;
        private Timer? refreshTimer;

        /// <summary>True while the client holds tokens (after register, login or a refresh-token sign-in, until logout
        /// or the sign-in ended).</summary>
        public bool IsSignedIn
        {
            get
            {
                lock (gate)
                {
                    return tokens is not null;
                }
            }
        }

        /// <summary>The signed-in account's id (GUID "D" form), or null.</summary>
        public string? AccountId
        {
            get
            {
                lock (gate)
                {
                    return tokens?.AccountId;
                }
            }
        }

        /// <summary>The signed-in account's username, or null.</summary>
        public string? Username
        {
            get
            {
                lock (gate)
                {
                    return tokens?.Username;
                }
            }
        }

        /// <summary>The signed-in account's roles (player, moderator, admin) as of the last sign-in or refresh.</summary>
        public IReadOnlyList<string> Roles
        {
            get
            {
                lock (gate)
                {
                    return tokens?.Roles ?? Array.Empty<string>();
                }
            }
        }

        /// <summary>When the current access token expires, by this machine's clock (corrected by the server's), or null.</summary>
        public DateTimeOffset? AccessTokenExpiresAt
        {
            get
            {
                lock (gate)
                {
                    return tokens is null ? (DateTimeOffset?)null : accessExpiresLocal;
                }
            }
        }

        /// <summary>The current refresh token, for an app that remembers the sign-in (see
        /// <see cref="SignInWithRefreshTokenAsync"/>); keep it secret. Null when signed out.</summary>
        public string? RefreshToken
        {
            get
            {
                lock (gate)
                {
                    return tokens?.RefreshToken;
                }
            }
        }

        /// <summary>Creates an account and signs it in (POST api/auth/register). Throws
        /// <see cref="SunderfallAuthException"/> with InvalidArgument (the message states the rule), UsernameTaken,
        /// EmailTaken or RateLimited.</summary>
        public Task<AuthResponse> RegisterAsync(string username, string email, string password, CancellationToken cancellationToken = default) =>
            SignInAsync("api/auth/register", new RegisterRequest { Username = username, Email = email, Password = password }, cancellationToken);

        /// <summary>
        /// Signs in (POST api/auth/login). With two-step sign-in on, pass the authenticator's code (or a recovery code)
        /// as <paramref name="mfaCode"/>. Throws <see cref="SunderfallAuthException"/> with InvalidCredentials,
        /// MfaRequired, InvalidMfaCode, LockedOut, Banned or RateLimited.
        /// </summary>
        public Task<AuthResponse> LoginAsync(string username, string password, string? mfaCode = null, CancellationToken cancellationToken = default) =>
            SignInAsync("api/auth/login", new LoginRequest { Username = username, Password = password, MfaCode = mfaCode }, cancellationToken);

        /// <summary>Signs in again with a refresh token kept from an earlier run (see <see cref="TokensChanged"/>); it is
        /// used up. Throws <see cref="SunderfallAuthException"/> (401) when it is no longer valid.</summary>
        public Task<AuthResponse> SignInWithRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken = default) =>
            SignInAsync("api/auth/refresh", new RefreshRequest { RefreshToken = refreshToken }, cancellationToken);

        /// <summary>
        /// Trades the refresh token for new tokens now (the client also does this by itself before the access token
        /// expires, and when the server refuses it). If the server refuses the refresh token (the sign-in was revoked,
        /// or the token was already used), the client is signed out, <see cref="SessionClosed"/> is raised with
        /// SessionEnded and the connection is closed.
        /// </summary>
        public async Task<AuthResponse> RefreshTokensAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            return await RefreshIfStillAsync(RequireTokens(), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A valid access token (refreshed first when it is about to expire), e.g. for the account's other
        /// HTTP endpoints. Throws InvalidOperationException when signed out.</summary>
        public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            AuthResponse current = RequireTokens();
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
        /// Disconnects (the server saves the character where it stands), revokes the sign-in on the server (POST
        /// api/auth/logout) and forgets the tokens. A sign-in the server already ended counts as logged out.
        /// </summary>
        public async Task LogoutAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            await DisconnectAsync().ConfigureAwait(false);
            if (!IsSignedIn)
            {
                return;
            }

            try
            {
                string token = await GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await auth.PostAsync("api/auth/logout", token, cancellationToken).ConfigureAwait(false);
                }
                catch (SunderfallAuthException ex) when (ex.StatusCode == 401)
                {
                    // The token was refused before its time (e.g. the clocks disagree): once more with a fresh one.
                    AuthResponse fresh = await RefreshIfStillAsync(RequireTokens(), cancellationToken).ConfigureAwait(false);
                    await auth.PostAsync("api/auth/logout", fresh.AccessToken, cancellationToken).ConfigureAwait(false);
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

            ForgetTokens();
        }

        private async Task<AuthResponse> SignInAsync(string path, object body, CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            (AuthResponse fresh, DateTimeOffset? serverTime) = await auth.PostForTokensAsync(path, body, cancellationToken).ConfigureAwait(false);
            lock (gate)
            {
                if (tokens is not null && !string.Equals(tokens.AccountId, fresh.AccountId, StringComparison.Ordinal))
                {
                    // Another account: its characters are not ours to re-enter.
                    resumeCharacterId = null;
                }

                sessionClosedBy = null;
            }

            Accept(fresh, serverTime);
            return fresh;
        }

        private AuthResponse RequireTokens()
        {
            lock (gate)
            {
                return tokens ?? throw new InvalidOperationException("not signed in: call LoginAsync, RegisterAsync or SignInWithRefreshTokenAsync first");
            }
        }

        /// <summary>Refreshes unless someone else already replaced <paramref name="seen"/>; one refresh at a time, as
        /// each refresh token works once.</summary>
        private async Task<AuthResponse> RefreshIfStillAsync(AuthResponse seen, CancellationToken cancellationToken)
        {
            await refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                AuthResponse current = RequireTokens();
                if (!ReferenceEquals(current, seen))
                {
                    return current;
                }

                (AuthResponse fresh, DateTimeOffset? serverTime) result;
                try
                {
                    result = await auth.PostForTokensAsync("api/auth/refresh", new RefreshRequest { RefreshToken = current.RefreshToken }, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (SunderfallAuthException ex) when (ex.SignInEnded)
                {
                    EndSignIn(new ServerError { Code = ErrorCode.SessionEnded, Message = $"the sign-in ended ({ex.Code}: {ex.Message}); sign in again" });
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

        /// <summary>Keeps new tokens, judging their expiry by the server's clock, and schedules the next refresh.</summary>
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
                refreshTimer = Volatile.Read(ref disposed) != 0
                    ? null
                    : new Timer(_ => _ = RefreshOnScheduleAsync(fresh), null, Max(refreshIn, TimeSpan.Zero), Timeout.InfiniteTimeSpan);
            }

            Raise(TokensChanged, fresh, nameof(TokensChanged));
        }

        private async Task RefreshOnScheduleAsync(AuthResponse seen)
        {
            if (Volatile.Read(ref disposed) != 0)
            {
                return;
            }

            try
            {
                await RefreshIfStillAsync(seen, CancellationToken.None).ConfigureAwait(false);
            }
            catch (SunderfallAuthException ex) when (ex.SignInEnded)
            {
                // Reported through SessionClosed by the refresh itself.
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
                    if (ReferenceEquals(tokens, seen) && Volatile.Read(ref disposed) == 0)
                    {
                        refreshTimer?.Dispose();
                        refreshTimer = new Timer(_ => _ = RefreshOnScheduleAsync(seen), null, options.RefreshRetryDelay, Timeout.InfiniteTimeSpan);
                    }
                }
            }
        }

        /// <summary>The server refused the sign-in: forget it, tell the app, and stop connecting.</summary>
        private void EndSignIn(ServerError reason)
        {
            ForgetTokens();
            lock (gate)
            {
                sessionClosedBy = reason;
            }

            Raise(SessionClosed, reason, nameof(SessionClosed));
            // Not awaited: this may run inside a connection callback that stopping would wait for.
            _ = Task.Run(() => DisconnectCoreAsync(disposing: false));
        }

        private void ForgetTokens()
        {
            lock (gate)
            {
                tokens = null;
                refreshTimer?.Dispose();
                refreshTimer = null;
            }
        }

        private void StopRefreshTimer()
        {
            lock (gate)
            {
                refreshTimer?.Dispose();
                refreshTimer = null;
            }
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
