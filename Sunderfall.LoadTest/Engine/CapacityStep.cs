namespace Sunderfall.LoadTest.Engine;

/// <summary>One step of a capacity search: the bot count tried, whether it held, why not, and its window.</summary>
public sealed record CapacityStep(int Bots, bool Held, string Verdict, WindowResult Window, SignUpResult? SignUp = null);
