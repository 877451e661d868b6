using System.ComponentModel.DataAnnotations;
using Sunderfall.Grains.Parties;
using Xunit;

namespace Sunderfall.Grains.Tests.Parties;

public sealed class PartyOptionsTests
{
    [Fact]
    public void Defaults_AreValid_FivePlayersAndSixtySecondInvites()
    {
        var options = new PartyOptions();

        Assert.Empty(Validate(options));
        Assert.Equal(5, options.MaxSize);
        Assert.Equal(TimeSpan.FromSeconds(60), options.InviteLifetime);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(41)]
    public void MaxSize_OutsideTwoToForty_IsRejectedSayingTheRange(int maxSize)
    {
        var errors = Validate(new PartyOptions { MaxSize = maxSize });

        Assert.Contains(errors, e => e.ErrorMessage == "Parties:MaxSize must be 2 to 40.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public void InviteLifetime_OutsideOneSecondToOneHour_IsRejectedSayingTheRange(int seconds)
    {
        var errors = Validate(new PartyOptions { InviteLifetime = TimeSpan.FromSeconds(seconds) });

        Assert.Contains(errors, e => e.ErrorMessage == "Parties:InviteLifetime must be 00:00:01 to 01:00:00.");
    }

    private static List<ValidationResult> Validate(PartyOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
