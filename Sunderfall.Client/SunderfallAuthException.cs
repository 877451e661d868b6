using System;

namespace Sunderfall.Client
{
    /// <summary>
    /// A refused account call (register, login, refresh, logout): the server's code, e.g. InvalidArgument,
    /// UsernameTaken, EmailTaken, InvalidCredentials, MfaRequired, InvalidMfaCode, LockedOut, Banned, TokenReused,
    /// TokenExpired, TokenInvalid or RateLimited, its sentence, and the HTTP status it came with.
    /// </summary>
    public sealed class SunderfallAuthException : Exception
    {
        /// <summary>A refusal as the server sent it.</summary>
        public SunderfallAuthException(string code, string message, int statusCode, TimeSpan? retryAfter = null)
            : base(message)
        {
            Code = code;
            StatusCode = statusCode;
            RetryAfter = retryAfter;
        }

        /// <summary>Creates an exception with an empty code.</summary>
        public SunderfallAuthException()
            : this("", "the account call failed", 0)
        {
        }

        /// <summary>Creates an exception with an empty code.</summary>
        public SunderfallAuthException(string message)
            : this("", message, 0)
        {
        }

        /// <summary>Creates an exception with an empty code and an inner exception.</summary>
        public SunderfallAuthException(string message, Exception innerException)
            : base(message, innerException)
        {
            Code = "";
        }

        /// <summary>The server's code (ApiError.Code), e.g. "InvalidCredentials".</summary>
        public string Code { get; }

        /// <summary>The HTTP status code, e.g. 401.</summary>
        public int StatusCode { get; }

        /// <summary>How long to wait before trying again, for RateLimited (429).</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>True when the sign-in itself is no longer valid (the refresh token was refused): sign in again.</summary>
        public bool SignInEnded => StatusCode == 401 || StatusCode == 403;
    }
}
