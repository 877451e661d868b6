using System;
using Sunderfall.Protocol.Errors;

namespace Sunderfall.Client
{
    /// <summary>
    /// A refused game call as an exception: the server's typed <see cref="ErrorCode"/> and its sentence saying what
    /// was wrong and what is allowed. Thrown by <see cref="CallResultExtensions.ValueOrThrow{T}"/>.
    /// </summary>
    public sealed class SunderfallException : Exception
    {
        /// <summary>A refusal with its code and message.</summary>
        public SunderfallException(ErrorCode code, string message)
            : base(message)
        {
            Code = code;
        }

        /// <summary>Creates an exception with code <see cref="ErrorCode.Internal"/>.</summary>
        public SunderfallException()
            : this(ErrorCode.Internal, "the call failed")
        {
        }

        /// <summary>Creates an exception with code <see cref="ErrorCode.Internal"/>.</summary>
        public SunderfallException(string message)
            : this(ErrorCode.Internal, message)
        {
        }

        /// <summary>Creates an exception with code <see cref="ErrorCode.Internal"/> and an inner exception.</summary>
        public SunderfallException(string message, Exception innerException)
            : base(message, innerException)
        {
            Code = ErrorCode.Internal;
        }

        /// <summary>Why the call was refused.</summary>
        public ErrorCode Code { get; }

        /// <summary>The refusal as the wire type.</summary>
        public ServerError ToServerError() => new ServerError { Code = Code, Message = Message };
    }
}
