namespace Sunderfall.Protocol.Errors
{
    /// <summary>The reply to a request/response hub call: either a value or an error.</summary>
    public sealed class CallResult<T> where T : class
    {
        /// <summary>True when the call succeeded and <see cref="Value"/> is set.</summary>
        public bool Ok { get; set; }

        /// <summary>The result of a successful call.</summary>
        public T? Value { get; set; }

        /// <summary>Why the call failed, when <see cref="Ok"/> is false.</summary>
        public ServerError? Error { get; set; }

        /// <summary>A successful reply.</summary>
        public static CallResult<T> Success(T value) => new CallResult<T> { Ok = true, Value = value };

        /// <summary>A refusal.</summary>
        public static CallResult<T> Failure(ErrorCode code, string message) =>
            new CallResult<T> { Ok = false, Error = new ServerError { Code = code, Message = message } };
    }
}
