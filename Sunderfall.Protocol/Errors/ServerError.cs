namespace Sunderfall.Protocol.Errors
{
    /// <summary>A refusal: a typed code and a sentence saying what was wrong and what is allowed.</summary>
    public sealed class ServerError
    {
        /// <summary>The typed reason.</summary>
        public ErrorCode Code { get; set; }

        /// <summary>A human-readable sentence; never a stack trace.</summary>
        public string Message { get; set; } = "";
    }
}
