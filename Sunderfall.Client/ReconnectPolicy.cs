using System;
using Microsoft.AspNetCore.SignalR.Client;

namespace Sunderfall.Client
{
    /// <summary>
    /// The connection's quick reconnection: retries after 0, 0.5, 1 and 2 s, then doubling up to the longest delay,
    /// for as long as the window lasts, and not at all once the client should stay away (the session was closed by the
    /// server, the app disconnected, the sign-in ended).
    /// </summary>
    internal sealed class ReconnectPolicy : IRetryPolicy
    {
        private readonly Func<bool> shouldReconnect;
        private readonly TimeSpan window;
        private readonly TimeSpan maxDelay;

        public ReconnectPolicy(Func<bool> shouldReconnect, TimeSpan window, TimeSpan maxDelay)
        {
            this.shouldReconnect = shouldReconnect;
            this.window = window;
            this.maxDelay = maxDelay;
        }

        public TimeSpan? NextRetryDelay(RetryContext retryContext)
        {
            if (!shouldReconnect() || retryContext.ElapsedTime >= window)
            {
                return null;
            }

            return DelayFor(retryContext.PreviousRetryCount, maxDelay);
        }

        /// <summary>The wait before attempt number <paramref name="attempt"/> (0 for the first).</summary>
        public static TimeSpan DelayFor(long attempt, TimeSpan maxDelay)
        {
            if (attempt <= 0)
            {
                return TimeSpan.Zero;
            }

            // 0.5 s, 1 s, 2 s, 4 s...: the exponent is bounded so the product cannot overflow.
            double seconds = 0.5 * Math.Pow(2, Math.Min(attempt - 1, 20));
            TimeSpan delay = TimeSpan.FromSeconds(seconds);
            return delay < maxDelay ? delay : maxDelay;
        }
    }
}
