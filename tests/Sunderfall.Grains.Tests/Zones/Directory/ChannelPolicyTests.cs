using Sunderfall.Grains.Zones.Directory;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones.Directory;

public sealed class ChannelPolicyTests
{
    private const int Cap = 10;
    private const int MaxChannels = 3;

    [Fact]
    public void Choose_WhenNoChannelIsOpen_OpensChannelOne() =>
        Assert.Equal(new ChannelPolicy.Choice(1, false), ChannelPolicy.Choose(new Dictionary<int, int>(), Cap, MaxChannels, null));

    [Fact]
    public void Choose_WhenThePreferredChannelHasRoom_KeepsThePlayerThere()
    {
        var populations = new Dictionary<int, int> { [1] = 2, [2] = Cap - 1 };

        Assert.Equal(new ChannelPolicy.Choice(2, false), ChannelPolicy.Choose(populations, Cap, MaxChannels, 2));
    }

    [Fact]
    public void Choose_WhenThePreferredChannelIsFull_TakesTheLowestChannelWithRoom()
    {
        var populations = new Dictionary<int, int> { [1] = Cap, [2] = Cap, [3] = 4 };

        Assert.Equal(new ChannelPolicy.Choice(3, false), ChannelPolicy.Choose(populations, Cap, MaxChannels, 2));
    }

    [Fact]
    public void Choose_WithoutAPreference_GathersPlayersInTheLowestChannelWithRoomRatherThanTheEmptiest()
    {
        var populations = new Dictionary<int, int> { [1] = Cap, [2] = 7, [3] = 0 };

        Assert.Equal(new ChannelPolicy.Choice(2, false), ChannelPolicy.Choose(populations, Cap, MaxChannels, null));
    }

    [Fact]
    public void Choose_WhenThePreferredChannelIsBeyondTheMaximum_DoesNotOpenIt()
    {
        var populations = new Dictionary<int, int> { [1] = 3 };

        Assert.Equal(new ChannelPolicy.Choice(1, false), ChannelPolicy.Choose(populations, Cap, MaxChannels, MaxChannels + 5));
    }

    [Fact]
    public void Choose_WhenEveryOpenChannelIsFull_OpensTheLowestUnusedChannel()
    {
        var populations = new Dictionary<int, int> { [1] = Cap, [3] = Cap };

        Assert.Equal(new ChannelPolicy.Choice(2, false), ChannelPolicy.Choose(populations, Cap, MaxChannels, null));
    }

    [Fact]
    public void Choose_WhenChannelOneFillsUp_OpensChannelTwoForTheNextPlayer()
    {
        var populations = new Dictionary<int, int>();
        var chosen = new List<int>();
        for (var player = 0; player <= Cap; player++)
        {
            var choice = ChannelPolicy.Choose(populations, Cap, MaxChannels, null);
            populations[choice.Channel] = populations.GetValueOrDefault(choice.Channel) + 1;
            chosen.Add(choice.Channel);
        }

        Assert.Equal(Enumerable.Repeat(1, Cap).Append(2), chosen);
    }

    [Fact]
    public void Choose_WhenTheMaximumOfChannelsIsOpenAndFull_PicksTheLeastPopulatedAndFlagsTheOverload()
    {
        var populations = new Dictionary<int, int> { [1] = Cap + 2, [2] = Cap + 1, [3] = Cap };

        Assert.Equal(new ChannelPolicy.Choice(3, true), ChannelPolicy.Choose(populations, Cap, MaxChannels, 1));
    }

    [Fact]
    public void Choose_WhenOverloadedChannelsAreEquallyFull_PicksTheLowestNumber()
    {
        var populations = new Dictionary<int, int> { [3] = Cap, [2] = Cap, [1] = Cap };

        Assert.Equal(new ChannelPolicy.Choice(1, true), ChannelPolicy.Choose(populations, Cap, MaxChannels, null));
    }
}
