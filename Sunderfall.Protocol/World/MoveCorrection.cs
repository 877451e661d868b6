using Sunderfall.Protocol.Errors;

namespace Sunderfall.Protocol.World
{
    /// <summary>Sent to a client whose move was refused: where the server has it, and why.</summary>
    public sealed class MoveCorrection
    {
        /// <summary>The authoritative position.</summary>
        public float X { get; set; }

        /// <summary>The authoritative position.</summary>
        public float Y { get; set; }

        /// <summary>Why the move was refused.</summary>
        public ServerError Error { get; set; } = new ServerError();
    }
}
