namespace Sunderfall.LoadTest.Engine;

/// <summary>One process over one sampling interval: CPU in % of one core, resident memory in MB.</summary>
public sealed record ProcessSample(string Name, int Pid, double CpuPercent, double RssMb, bool Alive);
