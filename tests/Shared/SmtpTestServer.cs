using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Sunderfall.TestSupport.Smtp;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd, which ./test.sh installs) on a free loopback port, run from
/// tests/Shared/smtp-test-server.py: optionally STARTTLS with a fresh self-signed certificate for 127.0.0.1 and an
/// SMTP login; every message it accepts lands in <see cref="Folder"/> as N.eml.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Process process;

    private SmtpTestServer(Process process, int port, string folder, string? certificatePath)
    {
        this.process = process;
        Port = port;
        Folder = folder;
        CertificatePath = certificatePath;
    }

    public int Port { get; }

    public string Folder { get; }

    /// <summary>The server's self-signed certificate (PEM), when it offers STARTTLS.</summary>
    public string? CertificatePath { get; }

    public const string Username = "sunderfall-mailer";

    public const string Password = "smtp-test-password";

    /// <summary>Starts the server and waits until it listens.</summary>
    public static async Task<SmtpTestServer> StartAsync(bool startTls, bool requireLogin)
    {
        var folder = Directory.CreateTempSubdirectory("sunderfall-smtp-").FullName;
        var port = FreeLoopbackPort();
        var script = Path.Combine(AppContext.BaseDirectory, "smtp-test-server.py");
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { script, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--folder", folder },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string? certificatePath = null;
        if (startTls)
        {
            (certificatePath, var keyPath) = WriteSelfSignedCertificate(folder);
            info.ArgumentList.Add("--cert");
            info.ArgumentList.Add(certificatePath);
            info.ArgumentList.Add("--key");
            info.ArgumentList.Add(keyPath);
        }

        if (requireLogin)
        {
            info.ArgumentList.Add("--username");
            info.ArgumentList.Add(Username);
            info.ArgumentList.Add("--password");
            info.ArgumentList.Add(Password);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line != "ready")
        {
            throw new InvalidOperationException(
                $"the SMTP test server did not start (is python3-aiosmtpd installed? ./test.sh installs it): {await errors}");
        }

        return new SmtpTestServer(process, port, folder, certificatePath);
    }

    /// <summary>The messages delivered so far, oldest first, as their raw text.</summary>
    public List<string> Messages() =>
        [.. Directory.GetFiles(Folder, "*.eml")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture))
            .Select(File.ReadAllText)];

    /// <summary>Waits until a delivered message contains <paramref name="text"/> and returns it; null when none does in time.</summary>
    public async Task<string?> WaitForMessageAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = Messages().Find(m => m.Contains(text, StringComparison.Ordinal));
            if (found is not null || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000))
            {
                process.Kill();
            }

            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static (string Certificate, string Key) WriteSelfSignedCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, false, 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(folder, "server.crt");
        var keyPath = Path.Combine(folder, "server.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem(), Encoding.ASCII);
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem(), Encoding.ASCII);
        return (certificatePath, keyPath);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
