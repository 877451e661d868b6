using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Sunderfall.Client
{
    /// <summary>How a <see cref="SunderfallClient"/> connects, reconnects and keeps its sign-in fresh. The defaults suit a
    /// game client; every value is checked when the client is created.</summary>
    public sealed class SunderfallClientOptions
    {
        /// <summary>The hub protocol. Default MessagePack; use Json where MessagePack's code generation is not
        /// available (Unity IL2CPP).</summary>
        public WireProtocol Protocol { get; set; } = WireProtocol.MessagePack;

        /// <summary>
        /// How long the connection's own quick reconnection keeps trying after a drop (retries after 0, 0.5, 1, 2 s,
        /// then every <see cref="MaxReconnectDelay"/>). Default 45 s, longer than the 30 s drops the session is meant
        /// to survive. 1 s to 10 minutes.
        /// </summary>
        public TimeSpan QuickReconnectWindow { get; set; } = TimeSpan.FromSeconds(45);

        /// <summary>
        /// How long the client keeps trying in all, from the drop, before it gives up and reports
        /// <see cref="ConnectionState.Disconnected"/> (also when the server closed the connection, e.g. a frontend
        /// restart). Null: never give up. Default 5 minutes; at least <see cref="QuickReconnectWindow"/>.
        /// </summary>
        public TimeSpan? ReconnectGiveUpAfter { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>The longest wait between two reconnection attempts. Default 5 s; 0.1 s to 5 minutes.</summary>
        public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>
        /// Re-enter the character the app entered after every reconnection, so the player is back in the same zone
        /// and position without doing anything. Default true.
        /// </summary>
        public bool ResumeSession { get; set; } = true;

        /// <summary>How long re-entering keeps retrying while the server answers Unavailable (e.g. a frontend that
        /// is still joining the cluster). Default 30 s; 1 s to 10 minutes.</summary>
        public TimeSpan ResumeTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Refresh the access token this long before it expires (at most half its lifetime before). Default 60 s;
        /// 1 s to 1 hour.
        /// </summary>
        public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>How long to wait before retrying a scheduled refresh that failed for want of a network.
        /// Default 5 s; 0.1 s to 5 minutes.</summary>
        public TimeSpan RefreshRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>
        /// How long without a message from the server before the connection is taken as dead. Default 30 s (the
        /// server pings every 15 s); 2 s to 10 minutes.
        /// </summary>
        public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Timeout of each account (HTTP) call. Default 30 s; 1 s to 10 minutes.</summary>
        public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Optional: wraps the HTTP handler of the account calls and of the hub connection (e.g. to trust a test
        /// certificate, or to add a proxy). Called once for the account calls and once per connection.
        /// </summary>
        public Func<HttpMessageHandler, HttpMessageHandler>? HttpMessageHandlerFactory { get; set; }

        /// <summary>Optional: where the SignalR connection logs.</summary>
        public ILoggerFactory? LoggerFactory { get; set; }

        /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of its range.</summary>
        internal void Validate()
        {
            Check(nameof(QuickReconnectWindow), QuickReconnectWindow, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
            Check(nameof(MaxReconnectDelay), MaxReconnectDelay, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
            Check(nameof(ResumeTimeout), ResumeTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
            Check(nameof(RefreshBeforeExpiry), RefreshBeforeExpiry, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
            Check(nameof(RefreshRetryDelay), RefreshRetryDelay, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
            Check(nameof(ServerTimeout), ServerTimeout, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10));
            Check(nameof(HttpTimeout), HttpTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
            if (ReconnectGiveUpAfter is TimeSpan giveUp && giveUp < QuickReconnectWindow)
            {
                throw new ArgumentException(
                    $"{nameof(ReconnectGiveUpAfter)} must be null (never) or at least {nameof(QuickReconnectWindow)} ({QuickReconnectWindow}); it is {giveUp}",
                    nameof(ReconnectGiveUpAfter));
            }

            if (!Enum.IsDefined(typeof(WireProtocol), Protocol))
            {
                throw new ArgumentException($"{nameof(Protocol)} must be MessagePack or Json; it is {(int)Protocol}", nameof(Protocol));
            }
        }

        private static void Check(string name, TimeSpan value, TimeSpan min, TimeSpan max)
        {
            if (value < min || value > max)
            {
                throw new ArgumentException($"{name} must be {min} to {max}; it is {value}", name);
            }
        }
    }
}
