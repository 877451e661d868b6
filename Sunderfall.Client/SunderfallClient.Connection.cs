using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Errors;
using Sunderfall.Protocol.World;

namespace Sunderfall.Client
{
    // The connection: opening it, the two layers of reconnection, and re-entering the character after each.
    public sealed partial class SunderfallClient
    {
        private static readonly TimeSpan ResumeRetryDelay = TimeSpan.FromSeconds(1);

        // Serialises starting and stopping the connection between the app and the reconnection loop.
        private readonly SemaphoreSlim connectGate = new SemaphoreSlim(1, 1);
        private HubConnection? hub;
        private ConnectionState state;
        private bool wantConnected;
        private ServerError? sessionClosedBy;
        private string? resumeCharacterId;
        private DateTimeOffset? droppedAt;
        private CancellationTokenSource? lifetime;

        /// <summary>Where the connection stands.</summary>
        public ConnectionState State
        {
            get
            {
                lock (gate)
                {
                    return state;
                }
            }
        }

        /// <summary>The character the client re-enters after a reconnection: the last one entered with
        /// <see cref="EnterWorldAsync"/>, until <see cref="LeaveWorldAsync"/> or <see cref="DisconnectAsync"/>.</summary>
        public string? CurrentCharacterId
        {
            get
            {
                lock (gate)
                {
                    return resumeCharacterId;
                }
            }
        }

        /// <summary>Why the server ended the last session (SessionReplaced, SessionEnded or Kicked), or null.</summary>
        public ServerError? SessionClosedBy
        {
            get
            {
                lock (gate)
                {
                    return sessionClosedBy;
                }
            }
        }

        private bool ShouldReconnect
        {
            get
            {
                lock (gate)
                {
                    return wantConnected && sessionClosedBy is null && signIn.Current is not null && Volatile.Read(ref disposed) == 0;
                }
            }
        }

        /// <summary>
        /// Opens the connection to the game hub with the signed-in account's token. From then on the client keeps it
        /// open by itself: after a drop it reconnects (quickly for <see cref="SunderfallClientOptions.QuickReconnectWindow"/>,
        /// then with back-off until <see cref="SunderfallClientOptions.ReconnectGiveUpAfter"/>) and re-enters the
        /// character. Returns once connected; throws if the first attempt fails (nothing retries it). Does nothing when
        /// already connected or reconnecting.
        /// </summary>
        public async Task ConnectAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            signIn.Require();
            await connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                HubConnection connection;
                CancellationTokenSource connectionLifetime;
                lock (gate)
                {
                    if (state == ConnectionState.Connected || state == ConnectionState.Reconnecting)
                    {
                        return;
                    }

                    sessionClosedBy = null;
                    wantConnected = true;
                    lifetime?.Dispose();
                    lifetime = connectionLifetime = new CancellationTokenSource();
                    connection = hub ??= BuildConnection();
                }

                SetState(ConnectionState.Connecting, null);
                try
                {
                    await StartHubAsync(connection, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    lock (gate)
                    {
                        wantConnected = false;
                    }

                    SetState(ConnectionState.Disconnected, ex);
                    throw;
                }

                OnTransportUp(connection, connectionLifetime.Token);
            }
            finally
            {
                connectGate.Release();
            }
        }

        /// <summary>Closes the connection and stops reconnecting; the server takes the character out of the world and
        /// saves where it stood. The character is not re-entered by a later <see cref="ConnectAsync"/>.</summary>
        public Task DisconnectAsync()
        {
            ThrowIfDisposed();
            return DisconnectCoreAsync(disposing: false, forgetCharacter: true);
        }

        private async Task DisconnectCoreAsync(bool disposing, bool forgetCharacter = false)
        {
            HubConnection? connection;
            lock (gate)
            {
                wantConnected = false;
                if (forgetCharacter)
                {
                    resumeCharacterId = null;
                }

                // Cancelled before waiting for the gate: a reconnection attempt in progress gives up at once.
                lifetime?.Cancel();
                connection = hub;
                if (disposing)
                {
                    hub = null;
                }
            }

            await connectGate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (connection is not null)
                {
                    if (disposing)
                    {
                        await connection.DisposeAsync().ConfigureAwait(false);
                    }
                    else
                    {
                        await connection.StopAsync().ConfigureAwait(false);
                    }
                }

                world.Reset();
                SetState(ConnectionState.Disconnected, null);
            }
            finally
            {
                connectGate.Release();
            }
        }

        private HubConnection BuildConnection()
        {
            IHubConnectionBuilder builder = new HubConnectionBuilder()
                .WithUrl(HubUrl, o =>
                {
                    o.AccessTokenProvider = AccessTokenForConnectionAsync;
                    if (options.HttpMessageHandlerFactory is { } wrap)
                    {
                        o.HttpMessageHandlerFactory = wrap;
                    }
                })
                .WithAutomaticReconnect(new ReconnectPolicy(() => ShouldReconnect, options.QuickReconnectWindow, options.MaxReconnectDelay))
                .WithServerTimeout(options.ServerTimeout);
            builder = options.Protocol == WireProtocol.Json ? builder.AddJsonProtocol() : builder.AddMessagePackProtocol(o => o.SerializerOptions = WireMessagePack.Options);
            if (options.LoggerFactory is { } loggerFactory)
            {
                builder.Services.AddSingleton(loggerFactory);
            }

            HubConnection connection = builder.Build();
            connection.Reconnecting += OnReconnecting;
            connection.Reconnected += _ =>
            {
                OnTransportUp(connection, CurrentLifetime());
                return Task.CompletedTask;
            };
            connection.Closed += error => OnClosed(connection, error);
            RegisterServerEvents(connection);
            return connection;
        }

        private async Task<string?> AccessTokenForConnectionAsync()
        {
            try
            {
                return await GetAccessTokenAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Signed out: connecting without a token is refused by the hub, and nothing retries.
                return null;
            }
        }

        private async Task StartHubAsync(HubConnection connection, CancellationToken cancellationToken)
        {
            try
            {
                await connection.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (ex.Message.Contains("401", StringComparison.Ordinal))
            {
                // The hub refused a token this client took for valid (clocks apart, or signed by an older key). The
                // status is only in the message on netstandard. Refresh once and try again; a refused refresh ends
                // the sign-in and throws.
                logger.LogInformation("The hub refused the access token; refreshing it");
                await signIn.RefreshIfStillAsync(signIn.Require(), cancellationToken).ConfigureAwait(false);
                await connection.StartAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private CancellationToken CurrentLifetime()
        {
            lock (gate)
            {
                return lifetime?.Token ?? new CancellationToken(canceled: true);
            }
        }

        private Task OnReconnecting(Exception? error)
        {
            lock (gate)
            {
                droppedAt ??= DateTimeOffset.UtcNow;
            }

            SetState(ConnectionState.Reconnecting, error);
            return Task.CompletedTask;
        }

        /// <summary>The connection is up (first time or again): start from an empty view, and re-enter the character.</summary>
        private void OnTransportUp(HubConnection connection, CancellationToken token)
        {
            string? characterId;
            lock (gate)
            {
                droppedAt = null;
                desynchronised = false;
                characterId = options.ResumeSession ? resumeCharacterId : null;
            }

            // Before anything is entered on this connection, so no delta of the new stay can be lost to the reset.
            world.Reset();
            SetState(ConnectionState.Connected, null);
            if (characterId is not null)
            {
                _ = ResumeAsync(connection, characterId, token);
            }
        }

        private Task OnClosed(HubConnection connection, Exception? error)
        {
            if (!ShouldReconnect)
            {
                world.Reset();
                SetState(ConnectionState.Disconnected, error);
                return Task.CompletedTask;
            }

            // The quick reconnection gave up, or the server closed the connection (e.g. a frontend shutting down):
            // keep trying with back-off. Not awaited: this handler must return for the connection to finish closing.
            lock (gate)
            {
                droppedAt ??= DateTimeOffset.UtcNow;
            }

            SetState(ConnectionState.Reconnecting, error);
            _ = ReconnectLoopAsync(connection, error, CurrentLifetime());
            return Task.CompletedTask;
        }

        private async Task ReconnectLoopAsync(HubConnection connection, Exception? lastError, CancellationToken token)
        {
            for (long attempt = 0; ; attempt++)
            {
                TimeSpan delay = ReconnectPolicy.DelayFor(attempt, options.MaxReconnectDelay);
                DateTimeOffset since;
                lock (gate)
                {
                    since = droppedAt ?? DateTimeOffset.UtcNow;
                }

                if (options.ReconnectGiveUpAfter is TimeSpan limit && DateTimeOffset.UtcNow + delay - since > limit)
                {
                    break;
                }

                try
                {
                    await Task.Delay(delay, token).ConfigureAwait(false);
                    await connectGate.WaitAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                try
                {
                    if (!ShouldReconnect || token.IsCancellationRequested)
                    {
                        return;
                    }

                    if (connection.State != HubConnectionState.Disconnected)
                    {
                        // Started by someone else meanwhile.
                        return;
                    }

                    await StartHubAsync(connection, token).ConfigureAwait(false);
                    OnTransportUp(connection, token);
                    return;
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // Any failure to connect (refused, DNS, TLS, 5xx) means: wait and try again.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    lastError = ex;
                    logger.LogDebug(ex, "Reconnection attempt {Attempt} failed", attempt + 1);
                }
                finally
                {
                    connectGate.Release();
                }

                if (!ShouldReconnect)
                {
                    break;
                }
            }

            bool stillWanted;
            lock (gate)
            {
                stillWanted = wantConnected && !token.IsCancellationRequested;
                wantConnected = false;
            }

            if (stillWanted)
            {
                world.Reset();
                SetState(ConnectionState.Disconnected, lastError ?? new TimeoutException("reconnecting gave up"));
            }
        }

        /// <summary>Re-enters the character after a reconnection, retrying while the server cannot reach the game yet.</summary>
        private async Task ResumeAsync(HubConnection connection, string characterId, CancellationToken token)
        {
            DateTimeOffset deadline = DateTimeOffset.UtcNow + options.ResumeTimeout;
            while (true)
            {
                if (token.IsCancellationRequested || connection.State != HubConnectionState.Connected || CurrentCharacterId != characterId)
                {
                    return;
                }

                CallResult<ZoneEntered> result = await InvokeAsync<ZoneEntered>(HubNames.EnterWorld, CancellationToken.None, characterId).ConfigureAwait(false);
                if (result.Ok && result.Value is ZoneEntered entered)
                {
                    world.Enter(entered);
                    logger.LogInformation("Resumed character {Character} in {Zone}", characterId, entered.ZoneId);
                    Raise(Resumed, entered, nameof(Resumed));
                    return;
                }

                ServerError error = result.Error ?? new ServerError { Code = ErrorCode.Internal, Message = "EnterWorld answered nothing" };
                bool transient = error.Code == ErrorCode.Unavailable || error.Code == ErrorCode.Internal || error.Code == ErrorCode.RateLimited;
                if (error.Code == ErrorCode.AlreadyInWorld)
                {
                    // Entered on this connection by the app meanwhile.
                    return;
                }

                if (!transient || DateTimeOffset.UtcNow + ResumeRetryDelay > deadline)
                {
                    lock (gate)
                    {
                        if (resumeCharacterId == characterId)
                        {
                            resumeCharacterId = null;
                        }
                    }

                    Raise(ResumeFailed, error, nameof(ResumeFailed));
                    return;
                }

                try
                {
                    await Task.Delay(ResumeRetryDelay, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        /// <summary>A delta did not fit the view: close and reopen the connection, which re-enters from a fresh view.</summary>
        private async Task ResynchroniseAsync()
        {
            await connectGate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (hub is { State: HubConnectionState.Connected } connection && ShouldReconnect)
                {
                    // Closed reconnects at once because the client still wants to be connected.
                    await connection.StopAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                connectGate.Release();
            }
        }

        private void SetState(ConnectionState next, Exception? error)
        {
            ConnectionState previous;
            lock (gate)
            {
                previous = state;
                if (previous == next)
                {
                    return;
                }

                state = next;
            }

            Raise(ConnectionStateChanged, new ConnectionStateChange(previous, next, error), nameof(ConnectionStateChanged));
        }
    }
}
