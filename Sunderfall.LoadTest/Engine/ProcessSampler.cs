using System.Globalization;

namespace Sunderfall.LoadTest.Engine;

/// <summary>
/// CPU and memory of named processes, read from /proc: utime + stime of /proc/PID/stat (in clock ticks of 1/100 s,
/// Linux's USER_HZ) between two samples, and VmRSS of /proc/PID/status. A process's CPU includes its children, live
/// (their own utime + stime) and exited (cutime + cstime), so PostgreSQL's postmaster stands for all its backends.
/// Memory is the named process's own.
/// </summary>
public sealed class ProcessSampler(IReadOnlyDictionary<string, int> processes)
{
    private const double TicksPerSecond = 100;
    private readonly Dictionary<int, (long Ticks, DateTime At)> previous = [];

    public IReadOnlyList<ProcessSample> Sample()
    {
        var now = DateTime.UtcNow;
        var samples = new List<ProcessSample>(processes.Count);
        var children = ChildTicks();
        foreach (var (name, pid) in processes)
        {
            if (ReadStat(pid) is not { } stat)
            {
                samples.Add(new ProcessSample(name, pid, 0, 0, false));
                continue;
            }

            var ticks = stat.Own + stat.ExitedChildren + children.GetValueOrDefault(pid);

            double cpu = 0;
            if (previous.TryGetValue(pid, out var last) && now > last.At)
            {
                cpu = (ticks - last.Ticks) / TicksPerSecond / (now - last.At).TotalSeconds * 100;
            }

            previous[pid] = (ticks, now);
            samples.Add(new ProcessSample(name, pid, Math.Round(cpu, 1), Math.Round(ReadRssMb(pid), 1), true));
        }

        return samples;
    }

    /// <summary>Per parent PID, the CPU ticks of its live children (own and their reaped children's).</summary>
    private static Dictionary<int, long> ChildTicks()
    {
        var byParent = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ReadStat(pid) is { } stat)
            {
                byParent[stat.Parent] = byParent.GetValueOrDefault(stat.Parent) + stat.Own + stat.ExitedChildren;
            }
        }

        return byParent;
    }

    private static (long Own, long ExitedChildren, int Parent)? ReadStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); ppid is field 4; utime, stime, cutime, cstime are fields 14 to 17.
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return (Field(14) + Field(15), Field(16) + Field(17), (int)Field(4));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static double ReadRssMb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }
        catch (IOException)
        {
            // The process exited between the two reads.
        }

        return 0;
    }
}
