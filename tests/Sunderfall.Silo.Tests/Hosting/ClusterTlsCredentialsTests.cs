using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Sunderfall.ServiceDefaults.Security;
using Xunit;

namespace Sunderfall.Silo.Tests.Hosting;

/// <summary>
/// What a silo or frontend does with its ClusterTls settings before Orleans starts, and which peer certificates it
/// accepts: only those of its cluster CA, in their validity period, or pinned by thumbprint.
/// </summary>
public sealed class ClusterTlsCredentialsTests : IDisposable
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    private readonly string folder = Directory.CreateTempSubdirectory("sunderfall-tls-unit-").FullName;
    private readonly X509Certificate2 clusterCa = Authority("cluster");
    private readonly X509Certificate2 otherCa = Authority("other");

    [Fact]
    public void Load_InDevelopmentWithoutSettings_LeavesTlsOff()
    {
        var credentials = ClusterTlsCredentials.Load(Configuration([]), Environment("Development"), "silo", out var failure);

        Assert.Null(credentials);
        Assert.Null(failure);
    }

    [Fact]
    public void Load_InProductionWithoutACertificate_FailsNamingTheSettingAndItsVariable()
    {
        ClusterTlsCredentials.Load(Configuration([]), Environment("Production"), "silo", out var failure);

        Assert.StartsWith("silo: ClusterTls:CertificatePath is not set", failure, StringComparison.Ordinal);
        Assert.Contains("SUNDERFALL_ClusterTls__CaPath", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InStagingTurnedOff_IsRefused()
    {
        ClusterTlsCredentials.Load(Configuration(new() { ["ClusterTls:Enabled"] = "false" }), Environment("Staging"), "frontend", out var failure);

        Assert.StartsWith("frontend: ClusterTls:Enabled=false is allowed only in Development", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithAnExpiredCertificate_FailsSayingWhenItWasValid()
    {
        var (certificate, key) = Write("expired", Issue(clusterCa, "expired", DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1), ServerAuth, ClientAuth));

        var credentials = ClusterTlsCredentials.Create(Options(certificate, key), "silo", out var failure);

        Assert.Null(credentials);
        Assert.Contains("is valid only from", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ForASiloWithAClientOnlyCertificate_FailsNamingTheKeyUsage_ButAFrontendMayUseIt()
    {
        var (certificate, key) = Write("client-only", Issue(clusterCa, "client-only", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), ClientAuth));

        ClusterTlsCredentials.Create(Options(certificate, key), "silo", out var siloFailure);
        var frontend = ClusterTlsCredentials.Create(Options(certificate, key), "frontend", out var frontendFailure);

        Assert.Contains("must allow server and client authentication", siloFailure, StringComparison.Ordinal);
        Assert.NotNull(frontend);
        Assert.Null(frontendFailure);
    }

    [Fact]
    public void IsTrusted_AcceptsPeersOfTheClusterCa_AndRefusesOthersSayingWhy()
    {
        var credentials = Valid();
        using var member = Issue(clusterCa, "member", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), ServerAuth, ClientAuth);
        using var stranger = Issue(otherCa, "stranger", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), ServerAuth, ClientAuth);
        using var expiredMember = Issue(clusterCa, "old", DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-1), ServerAuth, ClientAuth);

        Assert.True(credentials.IsTrusted(member, out _));
        Assert.False(credentials.IsTrusted(stranger, out var strangerRefusal));
        Assert.False(credentials.IsTrusted(expiredMember, out _));
        Assert.Contains("not issued by a CA in ClusterTls:CaPath", strangerRefusal, StringComparison.Ordinal);
    }

    [Fact]
    public void IsTrusted_AcceptsACertificatePinnedByItsSha256Thumbprint()
    {
        using var pinned = Issue(otherCa, "pinned", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), ServerAuth, ClientAuth);
        var (certificate, key) = Write("self", Issue(clusterCa, "self", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), ServerAuth, ClientAuth));
        var options = Options(certificate, key);
        options.CaPath = "";
        options.TrustedThumbprints = [string.Join(':', pinned.GetCertHashString(HashAlgorithmName.SHA256).Chunk(2).Select(c => new string(c)))];

        var credentials = ClusterTlsCredentials.Create(options, "silo", out var failure) ?? throw new InvalidOperationException(failure);

        Assert.True(credentials.IsTrusted(pinned, out _));
        Assert.False(credentials.IsTrusted(credentials.Certificate, out _));
    }

    [Fact]
    public void CreateTlsOptions_RequiresACertificateOfEveryPeer()
    {
        var tls = Valid().CreateTlsOptions(NullLogger.Instance);

        Assert.Equal(Orleans.Connections.Security.RemoteCertificateMode.RequireCertificate, tls.RemoteCertificateMode);
        Assert.Equal(Orleans.Connections.Security.RemoteCertificateMode.RequireCertificate, tls.ClientCertificateMode);
        Assert.NotNull(tls.LocalCertificate);
    }

    public void Dispose()
    {
        clusterCa.Dispose();
        otherCa.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private ClusterTlsCredentials Valid()
    {
        var (certificate, key) = Write("valid", Issue(clusterCa, "valid", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), ServerAuth, ClientAuth));
        return ClusterTlsCredentials.Create(Options(certificate, key), "silo", out var failure) ?? throw new InvalidOperationException(failure);
    }

    private ClusterTlsOptions Options(string certificate, string key)
    {
        var ca = Path.Combine(folder, "ca.crt");
        File.WriteAllText(ca, clusterCa.ExportCertificatePem());
        return new ClusterTlsOptions { Enabled = true, CertificatePath = certificate, KeyPath = key, CaPath = ca };
    }

    private (string Certificate, string Key) Write(string name, X509Certificate2 certificate)
    {
        var certificatePath = Path.Combine(folder, name + ".crt");
        var keyPath = Path.Combine(folder, name + ".key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        certificate.Dispose();
        return (certificatePath, keyPath);
    }

    private static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=test CA {name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string name, DateTimeOffset from, DateTimeOffset to, params Oid[] usages)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var oids = new OidCollection();
        foreach (var usage in usages)
        {
            oids.Add(usage);
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, false));
        using var certificate = request.Create(authority, from, to, RandomNumberGenerator.GetBytes(12));
        return certificate.CopyWithPrivateKey(key);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
