namespace Sunderfall.Protocol.Auth
{
    /// <summary>The body of every refused HTTP call: a stable code and a sentence saying what is allowed.</summary>
    public sealed class ApiError
    {
        /// <summary>E.g. InvalidArgument, UsernameTaken, InvalidCredentials, LockedOut, TokenReused, RateLimited, Busy.</summary>
        public string Code { get; set; } = "";

        public string Message { get; set; } = "";
    }
}
