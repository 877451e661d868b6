using Sunderfall.Accounts.Accounts;
using Sunderfall.Frontend.SignIn;
using Sunderfall.Grains.Interfaces.Accounts;
using Xunit;

namespace Sunderfall.Frontend.Tests.SignIn;

public sealed class SessionRecheckTests
{
    private static readonly SessionKey Alice = new(Guid.NewGuid(), Guid.NewGuid());
    private static readonly SessionKey Bob = new(Guid.NewGuid(), Guid.NewGuid());
    private static readonly SessionKey Carol = new(Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void KeyOf_NamesTheConnectionsAccountAndSession_AndNothingWhenEitherIsMissing()
    {
        Assert.Equal(Alice, SessionRecheck.KeyOf(Alice.AccountId, Alice.SessionId));
        Assert.Null(SessionRecheck.KeyOf(Alice.AccountId, Guid.Empty));
        Assert.Null(SessionRecheck.KeyOf(Guid.Empty, Alice.SessionId));
    }

    [Fact]
    public void SessionsToAsk_NamesEachSessionOnce_HoweverManyConnectionsShareIt()
    {
        var asked = SessionRecheck.SessionsToAsk([("c1", Alice), ("c2", Alice), ("c3", Bob), ("c4", null)]);

        Assert.Equal(2, asked.Length);
        Assert.Contains(Alice, asked);
        Assert.Contains(Bob, asked);
    }

    [Fact]
    public void Decide_ClosesTheBannedWithKickedAndTheReason_TheEndedWithSessionEnded_AndLeavesTheLiveAlone()
    {
        var until = new DateTimeOffset(2027, 1, 2, 3, 4, 5, TimeSpan.Zero);
        EndedSession[] ended = [new(Alice, until, "botting"), new(Bob, null, null)];

        var closures = SessionRecheck.Decide([("alice", Alice), ("bob", Bob), ("carol", Carol)], ended);

        Assert.Equal(2, closures.Count);
        var alice = Assert.Single(closures, c => c.ConnectionId == "alice");
        Assert.Equal(SessionCloseReason.Kicked, alice.Reason);
        Assert.Equal("banned until 2027-01-02 03:04:05Z: botting", alice.Message);
        var bob = Assert.Single(closures, c => c.ConnectionId == "bob");
        Assert.Equal(SessionCloseReason.Ended, bob.Reason);
        Assert.Equal(SessionRecheck.EndedMessage, bob.Message);
    }

    [Fact]
    public void Decide_ClosesEveryConnectionOfAnEndedSession_AndOneNamingNoSession()
    {
        var closures = SessionRecheck.Decide([("a1", Alice), ("a2", Alice), ("anon", null), ("c", Carol)], [new EndedSession(Alice, null, null)]);

        Assert.Equal(["a1", "a2", "anon"], closures.Select(c => c.ConnectionId).Order(StringComparer.Ordinal));
        Assert.All(closures, c => Assert.Equal(SessionCloseReason.Ended, c.Reason));
    }

    [Fact]
    public void Decide_WhenNothingEnded_ClosesNothing()
    {
        Assert.Empty(SessionRecheck.Decide([("a", Alice), ("b", Bob)], []));
    }

    [Theory]
    [InlineData("00:00:01", true)]
    [InlineData("00:01:00", true)]
    [InlineData("01:00:00", true)]
    [InlineData("00:00:00.500", false)]
    [InlineData("00:00:00", false)]
    [InlineData("01:00:01", false)]
    public void Options_AcceptAnIntervalFromOneSecondToAnHour(string interval, bool accepted)
    {
        var problem = new SessionRecheckOptions { Interval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) }.Problem();

        Assert.Equal(accepted, problem is null);
        if (!accepted)
        {
            Assert.Contains("SessionRecheck:Interval must be from 00:00:01 to 01:00:00", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_DefaultToAMinute()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), new SessionRecheckOptions().Interval);
    }
}
