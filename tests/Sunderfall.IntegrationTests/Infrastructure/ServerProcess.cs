using System.Diagnostics;

namespace Sunderfall.IntegrationTests.Infrastructure;

/// <summary>A real silo or frontend process started from its built dll, with its output in a log file.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ServerProcess(string name, Process process, StreamWriter log, string httpUrl)
    {
        Name = name;
        this.process = process;
        this.log = log;
        HttpUrl = httpUrl;
    }

    public string Name { get; }

    public string HttpUrl { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The operating system's id of the process (to read its memory from /proc).</summary>
    public int ProcessId => process.Id;

    public int ExitCode => process.ExitCode;

    public string LogPath => Path.Combine(TestEnvironment.LogDirectory, Name + ".log");

    public static ServerProcess Start(string name, string project, int httpPort, IReadOnlyDictionary<string, string> environment) =>
        Start(name, project, $"http://127.0.0.1:{httpPort}", environment);

    /// <summary>Starts the program listening on <paramref name="url"/>; "" passes no --urls (the program then takes its
    /// addresses from its environment, e.g. ASPNETCORE_HTTP_PORTS).</summary>
    public static ServerProcess Start(string name, string project, string url, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { TestEnvironment.ProgramPath(project) },
            WorkingDirectory = Path.GetDirectoryName(TestEnvironment.ProgramPath(project))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (url.Length > 0)
        {
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add(url);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(Path.Combine(TestEnvironment.LogDirectory, name + ".log"), append: false) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(name, process, log, url);
    }

    /// <summary>Waits until GET path answers 200; fails with the log's tail if the process exits or time runs out.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, string path = "/health/ready", HttpMessageHandler? handler = null)
    {
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = TimeSpan.FromSeconds(2);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode}:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(HttpUrl + path);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready at {HttpUrl}{path} within {timeout}:\n{Tail()}");
    }

    public Task<bool> WaitForExitAsync(TimeSpan timeout) => process.WaitForExitAsync(new CancellationTokenSource(timeout).Token)
        .ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);

    /// <summary>SIGKILL: the process gets no chance to leave the cluster cleanly.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public string Tail(int lines = 40)
    {
        log.Flush();
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
        log.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The test finished while the process was still writing.
            }
        }
    }
}
