using OtpNet;
using Sunderfall.Accounts.Mfa;
using Xunit;

namespace Sunderfall.Accounts.Tests.Mfa;

public sealed class TotpCodesTests
{
    // The RFC 6238 appendix B key and a time well inside its step, so the test does not sit on a step boundary.
    private static readonly byte[] Secret = "12345678901234567890"u8.ToArray();
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_111_111_109) + TimeSpan.FromSeconds(10);

    [Fact]
    public void MatchStep_KnowsTheRfcTestVector() =>
        Assert.Equal(1_111_111_109 / 30, TotpCodes.MatchStep(Secret, "081804", DateTimeOffset.FromUnixTimeSeconds(1_111_111_109)));

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void MatchStep_AcceptsOneStepOfDriftEitherWay(int steps)
    {
        var code = CodeAt(Now.AddSeconds(30 * steps));

        Assert.Equal((Now.ToUnixTimeSeconds() / 30) + steps, TotpCodes.MatchStep(Secret, code, Now));
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(2)]
    [InlineData(20)]
    public void MatchStep_RefusesCodesFurtherAway(int steps) =>
        Assert.Null(TotpCodes.MatchStep(Secret, CodeAt(Now.AddSeconds(30 * steps)), Now));

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData("١٢٣٤٥٦")]
    public void MatchStep_RefusesTextThatIsNotSixAsciiDigits(string code) => Assert.Null(TotpCodes.MatchStep(Secret, code, Now));

    [Fact]
    public void NewSecret_Is160RandomBits_InBase32ThatAuthenticatorsAccept()
    {
        var secret = TotpCodes.NewSecret();
        var base32 = TotpCodes.ToBase32(secret);

        Assert.Equal(20, secret.Length);
        Assert.NotEqual(secret, TotpCodes.NewSecret());
        Assert.Matches("^[A-Z2-7]{32}$", base32);
        Assert.Equal(secret, Base32Encoding.ToBytes(base32));
    }

    [Fact]
    public void OtpAuthUri_NamesTheIssuerAndTheEscapedUsername() =>
        Assert.Equal(
            "otpauth://totp/Sunderfall:Ada-Lee?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Sunderfall&algorithm=SHA1&digits=6&period=30",
            TotpCodes.OtpAuthUri(Secret, "Ada-Lee"));

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData("ABCDE-23456", "abcde23456")]
    [InlineData(null, "")]
    public void MfaCodeNormalize_DropsSpacesAndDashes_AndLowersCase(string? typed, string expected) =>
        Assert.Equal(expected, MfaCode.Normalize(typed));

    [Fact]
    public void MfaRecoveryCodes_AreTenDistinct_AndDoNotLookLikeAuthenticatorCodes()
    {
        var codes = MfaRecoveryCodes.NewCodes();

        Assert.Equal(MfaRecoveryCodes.Count, codes.Distinct().Count());
        Assert.All(codes, c =>
        {
            Assert.True(MfaRecoveryCodes.IsCodeShaped(MfaCode.Normalize(c)), c);
            Assert.False(TotpCodes.IsCodeShaped(MfaCode.Normalize(c)), c);
        });
    }

    private static string CodeAt(DateTimeOffset at) => new Totp(Secret).ComputeTotp(at.UtcDateTime);
}
