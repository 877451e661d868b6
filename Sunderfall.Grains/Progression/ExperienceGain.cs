namespace Sunderfall.Grains.Progression;

/// <summary>Where a character stands after gaining experience: its level and the experience it has into that level.</summary>
public readonly record struct ExperienceGain(int Level, long Experience, int LevelsGained);
