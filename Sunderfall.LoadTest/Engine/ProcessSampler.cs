using System.Globalization;

namespace Sunderfall.LoadTest.Engine;

/// <summary>
/// CPU and memory of named processes, read from /proc: utime + stime of /proc/PID/stat (in clock ticks of 1/100 s,
/// Linux's USER_HZ) between two samples, and VmRSS of /proc/PID/status.
/// </summary>
public sealed class ProcessSampler(IReadOnlyDictionary<string, int> processes)
{
    private const double TicksPerSecond = 100;
    private readonly Dictionary<int, (long Ticks, DateTime At)> previous = [];

    public IReadOnlyList<ProcessSample> Sample()
    {
        var now = DateTime.UtcNow;
        var samples = new List<ProcessSample>(processes.Count);
        foreach (var (name, pid) in processes)
        {
            if (ReadCpuTicks(pid) is not { } ticks)
            {
                samples.Add(new ProcessSample(name, pid, 0, 0, false));
                continue;
            }

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

    private static long? ReadCpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
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
