namespace Sunderfall.LoadTest.Engine;

/// <summary>The sign-ups before a ramp: how many were tried, how many succeeded, in how many seconds.</summary>
public sealed record SignUpResult(int Attempted, int SignedUp, double Seconds)
{
    public double PerSecond => Seconds <= 0 ? SignedUp : Math.Round(SignedUp / Seconds, 1);
}
