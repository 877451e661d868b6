using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Sunderfall.Protocol.Auth;
using Sunderfall.Protocol.Errors;

namespace Sunderfall.Client
{
    // The sign-in half of the facade: what an app calls and reads; the tokens and their refresh live in ClientSignIn.
    public sealed partial class SunderfallClient
    {
        /// <summary>True while the client holds tokens (after register, login or a refresh-token sign-in, until logout
        /// or the sign-in ended).</summary>
        public bool IsSignedIn => signIn.Current is not null;

        /// <summary>The signed-in account's id (GUID "D" form), or null.</summary>
        public string? AccountId => signIn.Current?.AccountId;

        /// <summary>The signed-in account's username, or null.</summary>
        public string? Username => signIn.Current?.Username;

        /// <summary>The signed-in account's roles (player, moderator, admin) as of the last sign-in or refresh.</summary>
        public IReadOnlyList<string> Roles => signIn.Current?.Roles ?? Array.Empty<string>();

        /// <summary>When the current access token expires, by this machine's clock (corrected by the server's), or null.</summary>
        public DateTimeOffset? AccessTokenExpiresAt => signIn.AccessExpiresAt;

        /// <summary>The current refresh token, for an app that remembers the sign-in (see
        /// <see cref="SignInWithRefreshTokenAsync"/>); keep it secret. Null when signed out.</summary>
        public string? RefreshToken => signIn.Current?.RefreshToken;

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
            return await signIn.RefreshIfStillAsync(signIn.Require(), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A valid access token (refreshed first when it is about to expire), e.g. for the account's other
        /// HTTP endpoints. Throws InvalidOperationException when signed out.</summary>
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            return signIn.AccessTokenAsync(cancellationToken);
        }

        /// <summary>
        /// Disconnects (the server saves the character where it stands), revokes the sign-in on the server (POST
        /// api/auth/logout) and forgets the tokens. A sign-in the server already ended counts as logged out.
        /// </summary>
        public async Task LogoutAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            await DisconnectAsync().ConfigureAwait(false);
            await signIn.LogoutAsync(cancellationToken).ConfigureAwait(false);
        }

        private async Task<AuthResponse> SignInAsync(string path, object body, CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            string? before = signIn.Current?.AccountId;
            AuthResponse fresh = await signIn.SignInAsync(path, body, cancellationToken).ConfigureAwait(false);
            lock (gate)
            {
                if (before is not null && !string.Equals(before, fresh.AccountId, StringComparison.Ordinal))
                {
                    // Another account: its characters are not ours to re-enter.
                    resumeCharacterId = null;
                }

                sessionClosedBy = null;
            }

            return fresh;
        }

        /// <summary>The server refused the refresh token: signed out, the session is closed and the connection too.</summary>
        private void SignInEnded(SunderfallAuthException refusal)
        {
            var reason = new ServerError { Code = ErrorCode.SessionEnded, Message = $"the sign-in ended ({refusal.Code}: {refusal.Message}); sign in again" };
            lock (gate)
            {
                sessionClosedBy = reason;
            }

            Raise(SessionClosed, reason, nameof(SessionClosed));
            // Not awaited: this may run inside a connection callback that stopping would wait for.
            _ = Task.Run(() => DisconnectCoreAsync(disposing: false));
        }
    }
}
