namespace Sunderfall.Protocol.Characters
{
    /// <summary>The reply to ListCharacters: the signed-in account's characters, oldest first.</summary>
    public sealed class CharacterList
    {
        /// <summary>The characters.</summary>
        public CharacterInfo[] Characters { get; set; } = System.Array.Empty<CharacterInfo>();
    }
}
