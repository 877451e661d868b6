using System.Diagnostics;
using HdrHistogram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Sunderfall.ServiceDefaults.Security;
using Sunderfall.LoadTest.Bots;

namespace Sunderfall.LoadTest.Engine;

/// <summary>
/// Runs bots against a target: grows (or shrinks) the bot count at the ramp rate, samples every second (rates,
/// latency percentiles, errors, CPU and memory of the server processes) and measures hold windows.
/// </summary>
public sealed class LoadEngine : IAsyncDisposable
{
    private readonly LoadOptions options;
    private readonly List<Bot> bots = [];
    private readonly List<TimelinePoint> timeline = [];
    private readonly object gate = new();
    private readonly ProcessSampler sampler;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource stop = new();
    private Task? sampling;
    private IHost? orleans;
    private Window? window;
    private int nextIndex;

    public LoadEngine(LoadOptions options)
    {
        this.options = options;
        options.ByteCounter = new ReceivedBytesLoggerFactory(Metrics);
        var processes = new Dictionary<string, int>(options.Processes) { ["loadtest"] = Environment.ProcessId };
        sampler = new ProcessSampler(processes);
    }

    public LoadMetrics Metrics { get; } = new();

    /// <summary>The sign-ups before the newest ramp; null when the last growth signed no one up.</summary>
    public SignUpResult? LastSignUp { get; private set; }

    public LoadOptions Options => options;

    public int BotCount
    {
        get
        {
            lock (gate)
            {
                return bots.Count;
            }
        }
    }

    /// <summary>Every second so far.</summary>
    public IReadOnlyList<TimelinePoint> Timeline
    {
        get
        {
            lock (gate)
            {
                return [.. timeline];
            }
        }
    }

    /// <summary>The newest second, or null before the first.</summary>
    public TimelinePoint? Latest
    {
        get
        {
            lock (gate)
            {
                return timeline.Count == 0 ? null : timeline[^1];
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (options.Target == LoadTarget.Ping)
        {
            var (redis, clusterId, serviceId) = options.Orleans
                ?? throw new InvalidOperationException("the ping target needs the cluster's Redis, cluster id and service id");
            var clusterTls = options.ClusterTls is { } tls
                ? ClusterTlsCredentials.Create(tls, "load tester", out var tlsFailure) ?? throw new InvalidOperationException(tlsFailure)
                : null;
            orleans = Host.CreateDefaultBuilder()
                .UseOrleansClient(client =>
                {
                    client.Configure<ClusterOptions>(o =>
                    {
                        o.ClusterId = clusterId;
                        o.ServiceId = serviceId;
                    });
                    client.UseRedisClustering(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis));
                    if (clusterTls is not null)
                    {
                        client.UseClusterTls(clusterTls);
                    }
                })
                .Build();
            await orleans.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        sampler.Sample();
        sampling = Task.Run(() => SampleLoopAsync(stop.Token), CancellationToken.None);
    }

    /// <summary>
    /// Signs up the bots missing to <paramref name="count"/>, starts them at the ramp rate (or stops the newest beyond
    /// it), then waits until every new bot is in the game or gave up. Returns how many of the new bots made it.
    /// </summary>
    public async Task<int> GrowToAsync(int count, CancellationToken cancellationToken = default)
    {
        // Bots that never got into the game are replaced by new ones (with new accounts), so a step that failed does
        // not leave dead bots in the steps after it.
        Bot[] gaveUp;
        lock (gate)
        {
            gaveUp = [.. bots.Where(b => b.Joined.IsCompletedSuccessfully && !b.Joined.Result)];
            bots.RemoveAll(b => gaveUp.Contains(b));
        }

        foreach (var chunk in gaveUp.Chunk(200))
        {
            await Task.WhenAll(chunk.Select(b => b.DisposeAsync().AsTask())).ConfigureAwait(false);
        }

        var begin = BotCount;
        LastSignUp = null;
        var ready = await SignUpAsync(Math.Max(0, count - begin), cancellationToken).ConfigureAwait(false);
        var started = new List<Bot>();
        var ramp = Stopwatch.StartNew();
        foreach (var bot in ready)
        {
            var due = TimeSpan.FromSeconds(started.Count / options.RampPerSecond);
            if (due > ramp.Elapsed)
            {
                await Task.Delay(due - ramp.Elapsed, cancellationToken).ConfigureAwait(false);
            }

            lock (gate)
            {
                bots.Add(bot);
            }

            bot.Start();
            started.Add(bot);
        }

        while (BotCount > count)
        {
            Bot last;
            lock (gate)
            {
                last = bots[^1];
                bots.RemoveAt(bots.Count - 1);
            }

            await last.DisposeAsync().ConfigureAwait(false);
        }

        var results = await Task.WhenAll(started.Select(b => b.Joined)).ConfigureAwait(false);
        return results.Count(ok => ok);
    }

    /// <summary>
    /// Creates <paramref name="count"/> new bots and signs each up (a few at a time), so the ramp that follows measures
    /// entering the world, not account creation. A bot whose sign-up failed is replaced once; the rest are returned.
    /// </summary>
    private async Task<List<Bot>> SignUpAsync(int count, CancellationToken cancellationToken)
    {
        var ready = new List<Bot>(count);
        var clock = Stopwatch.StartNew();
        var attempted = 0;
        for (var round = 0; round < 2 && ready.Count < count; round++)
        {
            var batch = Enumerable.Range(0, count - ready.Count).Select(_ => CreateBot(nextIndex++)).ToList();
            attempted += batch.Count;
            var outcomes = new bool[batch.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, batch.Count),
                new ParallelOptions { MaxDegreeOfParallelism = options.SignUpConcurrency, CancellationToken = cancellationToken },
                async (i, ct) => outcomes[i] = await batch[i].SignUpAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i])
                {
                    ready.Add(batch[i]);
                }
                else
                {
                    await batch[i].DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        // Only Sunderfall's bots have accounts; the relay's and the ping's sign-ups are no-ops, not worth a rate.
        if (count > 0 && options.Target == LoadTarget.Sunderfall)
        {
            LastSignUp = new SignUpResult(attempted, ready.Count, Math.Round(clock.Elapsed.TotalSeconds, 1));
        }

        return ready;
    }

    /// <summary>Keeps the bots playing for <paramref name="duration"/> and returns what that window measured.</summary>
    public async Task<WindowResult> HoldAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var w = new Window(BotCount, Metrics);
        lock (gate)
        {
            window = w;
        }

        await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            window = null;
        }

        return w.Finish(Metrics);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (sampling is not null)
        {
            await sampling.ConfigureAwait(false);
        }

        Bot[] all;
        lock (gate)
        {
            all = [.. bots];
            bots.Clear();
        }

        // Closed a few hundred at a time: thousands of simultaneous goodbyes are a load test of their own.
        foreach (var chunk in all.Chunk(200))
        {
            await Task.WhenAll(chunk.Select(b => b.DisposeAsync().AsTask())).ConfigureAwait(false);
        }

        if (orleans is not null)
        {
            await orleans.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            orleans.Dispose();
        }

        stop.Dispose();
    }

    private Bot CreateBot(int index) => options.Target switch
    {
        LoadTarget.Sunderfall => new SunderfallBot(index, options, Metrics),
        LoadTarget.Relay => new RelayBot(index, options, Metrics),
        _ => new PingBot(index, options, Metrics, orleans!.Services.GetRequiredService<IClusterClient>()),
    };

    private async Task SampleLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var last = (At: clock.Elapsed, Inputs: Metrics.Inputs, Updates: Metrics.Updates, Bytes: Metrics.Bytes);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = (At: clock.Elapsed, Inputs: Metrics.Inputs, Updates: Metrics.Updates, Bytes: Metrics.Bytes);
                var seconds = Math.Max(0.001, (now.At - last.At).TotalSeconds);
                Bot[] all;
                lock (gate)
                {
                    all = [.. bots];
                }

                var connected = all.Count(b => b.Connected);
                var inGame = all.Count(b => b.InGame);
                var interval = Metrics.TakeInterval();
                var processes = sampler.Sample();
                var point = new TimelinePoint(
                    Math.Round(now.At.TotalSeconds, 1), all.Length, connected, inGame,
                    Math.Round((now.Inputs - last.Inputs) / seconds, 1),
                    Math.Round((now.Updates - last.Updates) / seconds, 1),
                    Math.Round((now.Bytes - last.Bytes) / seconds / Math.Max(1, inGame), 1),
                    Ms(interval, 50), Ms(interval, 99), MaxMs(interval), Metrics.ErrorTotal, processes);
                lock (gate)
                {
                    timeline.Add(point);
                    window?.Add(point, interval);
                }

                last = now;
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    internal static double Ms(HistogramBase histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : Math.Round(histogram.GetValueAtPercentile(percentile) / 1000.0, 2);

    internal static double MaxMs(HistogramBase histogram) =>
        histogram.TotalCount == 0 ? 0 : Math.Round(histogram.GetMaxValue() / 1000.0, 2);

    /// <summary>What accumulates while a hold window is open.</summary>
    private sealed class Window(int bots, LoadMetrics metrics)
    {
        private readonly LongHistogram latency = new(1, LoadMetrics.HighestMicroseconds, 3);
        private readonly IReadOnlyDictionary<string, long> errorsAtStart = metrics.Errors;
        private readonly Stopwatch elapsed = Stopwatch.StartNew();
        private readonly long inputsAtStart = metrics.Inputs;
        private readonly long ackedAtStart = metrics.Acked;
        private readonly long updatesAtStart = metrics.Updates;
        private readonly long bytesAtStart = metrics.Bytes;
        private readonly Dictionary<string, (double Sum, int Count, double MaxRss)> processes = [];
        private int minConnected = int.MaxValue;
        private int minInGame = int.MaxValue;
        private double inGameSum;
        private int samples;

        public void Add(TimelinePoint point, HistogramBase interval)
        {
            latency.Add(interval);
            minConnected = Math.Min(minConnected, point.Connected);
            minInGame = Math.Min(minInGame, point.InGame);
            inGameSum += point.InGame;
            samples++;
            foreach (var p in point.Processes.Where(p => p.Alive))
            {
                var (sum, count, maxRss) = processes.GetValueOrDefault(p.Name);
                processes[p.Name] = (sum + p.CpuPercent, count + 1, Math.Max(maxRss, p.RssMb));
            }
        }

        public WindowResult Finish(LoadMetrics metrics)
        {
            var seconds = elapsed.Elapsed.TotalSeconds;
            var inputs = metrics.Inputs - inputsAtStart;
            var acked = metrics.Acked - ackedAtStart;
            var errors = metrics.Errors
                .Select(e => (e.Key, Count: e.Value - errorsAtStart.GetValueOrDefault(e.Key)))
                .Where(e => e.Count > 0)
                .ToDictionary(e => e.Key, e => e.Count, StringComparer.Ordinal);
            var clients = samples == 0 ? 1 : Math.Max(1, inGameSum / samples);
            return new WindowResult(
                bots, Math.Round(seconds, 1),
                samples == 0 ? 0 : minConnected, samples == 0 ? 0 : minInGame,
                Math.Round(inputs / seconds, 1),
                inputs == 0 ? 0 : Math.Round(Math.Min(1, (double)acked / inputs), 4),
                Math.Round((metrics.Updates - updatesAtStart) / seconds, 1),
                Math.Round((metrics.Bytes - bytesAtStart) / seconds / clients, 1),
                Ms(latency, 50), Ms(latency, 95), Ms(latency, 99), MaxMs(latency), latency.TotalCount,
                errors, errors.Values.Sum(),
                processes.ToDictionary(p => p.Key, p => Math.Round(p.Value.Sum / p.Value.Count, 1), StringComparer.Ordinal),
                processes.ToDictionary(p => p.Key, p => p.Value.MaxRss, StringComparer.Ordinal));
        }
    }
}
