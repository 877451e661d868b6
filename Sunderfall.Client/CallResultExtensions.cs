using System;
using Sunderfall.Protocol.Errors;

namespace Sunderfall.Client
{
    /// <summary>Helpers for the <see cref="CallResult{T}"/> every request/response call returns.</summary>
    public static class CallResultExtensions
    {
        /// <summary>The value of a successful call; throws <see cref="SunderfallException"/> with the server's code and
        /// message for a refused one.</summary>
        public static T ValueOrThrow<T>(this CallResult<T> result) where T : class
        {
            if (result is null)
            {
                throw new ArgumentNullException(nameof(result));
            }

            if (result.Ok && result.Value is T value)
            {
                return value;
            }

            ServerError error = result.Error ?? new ServerError { Code = ErrorCode.Internal, Message = "the server answered without a value or an error" };
            throw new SunderfallException(error.Code, error.Message);
        }

        /// <summary>The error code of a refused call, or <see cref="ErrorCode.None"/> for a successful one.</summary>
        public static ErrorCode ErrorCodeOrNone<T>(this CallResult<T> result) where T : class =>
            result is null ? throw new ArgumentNullException(nameof(result)) : result.Ok ? ErrorCode.None : result.Error?.Code ?? ErrorCode.Internal;
    }
}
