namespace Sunderfall.Protocol.Sync
{
    /// <summary>Facts about an encoded delta payload that callers need without decoding it.</summary>
    public static class DeltaPayload
    {
        /// <summary>True when the payload changes nothing: its header sets no flag and nothing follows.</summary>
        public static bool IsEmpty(byte[] payload) => payload != null && payload.Length == 1 && payload[0] == 0;
    }
}
