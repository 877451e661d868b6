using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Sunderfall.ServiceDefaults.Security;

namespace Sunderfall.IntegrationTests.Infrastructure;

/// <summary>
/// A cluster CA made when the tests run and the certificates it issues, as PEM files in a folder of their own: what
/// scripts/cluster-certs.sh makes for run.sh, made here with CertificateRequest. Test processes run as Production,
/// where every Orleans connection needs a cluster certificate.
/// </summary>
public sealed class ClusterCertificates
{
    private readonly X509Certificate2 authority;
    private readonly string folder;

    private ClusterCertificates(X509Certificate2 authority, string folder)
    {
        this.authority = authority;
        this.folder = folder;
        CaPath = Path.Combine(folder, "ca.crt");
        File.WriteAllText(CaPath, authority.ExportCertificatePem());
    }

    /// <summary>The CA's certificate (PEM): ClusterTls:CaPath.</summary>
    public string CaPath { get; }

    /// <summary>A new CA named <paramref name="name"/>, valid from an hour ago for a day.</summary>
    public static ClusterCertificates Create(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=Sunderfall test CA {name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var authority = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"sunderfall-tls-{name}-{Guid.NewGuid():N}")).FullName;
        return new ClusterCertificates(authority, folder);
    }

    /// <summary>Issues a certificate for a process (server and client authentication) and returns its PEM files.</summary>
    public (string CertificatePath, string KeyPath) Issue(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(authority, now.AddMinutes(-30), authority.NotAfter.AddMinutes(-1), RandomNumberGenerator.GetBytes(16));
        var file = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        var certificatePath = Path.Combine(folder, file + ".crt");
        var keyPath = Path.Combine(folder, file + ".key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    /// <summary>The options of a process holding a new certificate of this CA and trusting this CA.</summary>
    public ClusterTlsOptions Options(string name)
    {
        var (certificate, key) = Issue(name);
        return new ClusterTlsOptions { Enabled = true, CertificatePath = certificate, KeyPath = key, CaPath = CaPath };
    }

    /// <summary>The same as environment variables for a silo or frontend process.</summary>
    public Dictionary<string, string> Environment(string name)
    {
        var options = Options(name);
        return new Dictionary<string, string>
        {
            ["SUNDERFALL_ClusterTls__CertificatePath"] = options.CertificatePath,
            ["SUNDERFALL_ClusterTls__KeyPath"] = options.KeyPath,
            ["SUNDERFALL_ClusterTls__CaPath"] = options.CaPath,
        };
    }

    /// <summary>Loaded credentials for an in-process Orleans client of the cluster.</summary>
    public ClusterTlsCredentials Credentials(string name) =>
        ClusterTlsCredentials.Create(Options(name), "test client", out var failure) ?? throw new InvalidOperationException(failure);
}
