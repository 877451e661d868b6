namespace Sunderfall.Grains.Players;

/// <summary>What applying one reward grant did to the character, kept until the grant is marked delivered.</summary>
[GenerateSerializer, Alias("sf.AppliedGrantState")]
public sealed class AppliedGrantState
{
    /// <summary>The grant's id (RewardGrant.GrantId).</summary>
    [Id(0)]
    public string GrantId { get; set; } = "";

    [Id(1)]
    public DateTimeOffset AppliedAt { get; set; }

    [Id(2)]
    public int LevelBefore { get; set; }

    [Id(3)]
    public int LevelAfter { get; set; }

    /// <summary>Items of the grant that did not fit in the bag and went to the overflow.</summary>
    [Id(4)]
    public int Overflowed { get; set; }
}
