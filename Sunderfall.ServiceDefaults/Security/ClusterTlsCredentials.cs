using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Connections.Security;
using Sunderfall.ServiceDefaults.Configuration;

namespace Sunderfall.ServiceDefaults.Security;

/// <summary>
/// A process's cluster certificate and what it trusts, loaded from <see cref="ClusterTlsOptions"/>; decides which
/// peers may talk to it over Orleans connections.
/// </summary>
public sealed class ClusterTlsCredentials
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private readonly X509Certificate2Collection authorities;
    private readonly HashSet<string> thumbprints;

    private ClusterTlsCredentials(X509Certificate2 certificate, X509Certificate2Collection authorities, HashSet<string> thumbprints)
    {
        Certificate = certificate;
        this.authorities = authorities;
        this.thumbprints = thumbprints;
    }

    /// <summary>The certificate this process presents, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// Reads <see cref="ClusterTlsOptions"/> and loads the certificate and the trust. Returns null with
    /// <paramref name="failure"/> null when TLS is off (Development only), null with the one line to print when the
    /// settings are unusable, else the credentials. <paramref name="program"/> ("silo", "frontend") starts the line;
    /// a silo's certificate must allow server authentication too, as it also accepts connections.
    /// </summary>
    public static ClusterTlsCredentials? Load(IConfiguration configuration, IHostEnvironment environment, string program, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var options = configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>() ?? new ClusterTlsOptions();
        failure = null;
        if (options.Enabled ?? !environment.IsDevelopment())
        {
            return Create(options, program, out failure);
        }

        if (!environment.IsDevelopment())
        {
            failure = $"{program}: {Key(nameof(ClusterTlsOptions.Enabled))}=false is allowed only in Development: outside it every Orleans " +
                      "connection (silo to silo, frontend to gateway) uses mutual TLS, so only holders of a cluster certificate join. " +
                      $"Remove {Variable(nameof(ClusterTlsOptions.Enabled))} and set {Variable(nameof(ClusterTlsOptions.CertificatePath))}, " +
                      $"{Variable(nameof(ClusterTlsOptions.KeyPath))} and {Variable(nameof(ClusterTlsOptions.CaPath))} (scripts/cluster-certs.sh makes them)";
        }

        return null;
    }

    /// <summary>
    /// Whether a peer's certificate is one of the cluster's: pinned by thumbprint, or issued (and in its validity
    /// period) by a CA in ClusterTls:CaPath. <paramref name="refusal"/> says why not.
    /// </summary>
    public bool IsTrusted(X509Certificate2 peer, out string refusal)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (thumbprints.Contains(peer.Thumbprint) || thumbprints.Contains(peer.GetCertHashString(HashAlgorithmName.SHA256)))
        {
            refusal = "";
            return true;
        }

        if (authorities.Count == 0)
        {
            refusal = $"its thumbprint is not in {Key(nameof(ClusterTlsOptions.TrustedThumbprints))}";
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        // Cluster CAs are private and short-lived certificates are reissued by the deployment: there is no CRL to ask.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain.Build(peer))
        {
            refusal = "";
            return true;
        }

        var problems = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct();
        refusal = $"not issued by a CA in {Key(nameof(ClusterTlsOptions.CaPath))} ({string.Join("; ", problems)})";
        return false;
    }

    /// <summary>Orleans' TLS settings: this certificate both ways, a certificate required of every peer, checked by <see cref="IsTrusted"/>.</summary>
    public TlsOptions CreateTlsOptions(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return new TlsOptions
        {
            LocalCertificate = Certificate,
            RemoteCertificateMode = RemoteCertificateMode.RequireCertificate,
            ClientCertificateMode = RemoteCertificateMode.RequireCertificate,
            // The platform's verdict is ignored on purpose: it knows neither the private cluster CA nor pod addresses
            // (peers are reached by IP, so names never match); IsTrusted checks the chain and the validity period.
            RemoteCertificateValidation = (peer, _, _) =>
            {
                if (IsTrusted(peer, out var refusal))
                {
                    return true;
                }

                logger.LogWarning(
                    "Cluster TLS: refused a peer's certificate (subject {Subject}, issuer {Issuer}, SHA-256 {Thumbprint}): {Refusal}",
                    peer.Subject, peer.Issuer, peer.GetCertHashString(HashAlgorithmName.SHA256), refusal);
                return false;
            },
        };
    }

    /// <summary>
    /// Loads the certificate and the trust that <paramref name="options"/> name, whether or not they say Enabled.
    /// Returns null with the one line to print (starting with <paramref name="program"/>) when they are unusable.
    /// </summary>
    public static ClusterTlsCredentials? Create(ClusterTlsOptions options, string program, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(options);
        var server = program == "silo";
        var certificateKey = Key(nameof(ClusterTlsOptions.CertificatePath));
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            failure = $"{program}: {certificateKey} is not set: outside Development every Orleans connection uses mutual TLS " +
                      $"(set {Variable(nameof(ClusterTlsOptions.CertificatePath))}, {Variable(nameof(ClusterTlsOptions.KeyPath))} and " +
                      $"{Variable(nameof(ClusterTlsOptions.CaPath))}; scripts/cluster-certs.sh makes a cluster CA and certificates)";
            return null;
        }

        if (string.IsNullOrWhiteSpace(options.CaPath) && options.TrustedThumbprints.Count == 0)
        {
            failure = $"{program}: neither {Key(nameof(ClusterTlsOptions.CaPath))} nor {Key(nameof(ClusterTlsOptions.TrustedThumbprints))} is set: " +
                      $"no peer could be trusted (set {Variable(nameof(ClusterTlsOptions.CaPath))} to the cluster CA's PEM file)";
            return null;
        }

        X509Certificate2 certificate;
        var authorities = new X509Certificate2Collection();
        try
        {
            certificate = LoadCertificate(options);
            if (!string.IsNullOrWhiteSpace(options.CaPath))
            {
                authorities.ImportFromPemFile(options.CaPath);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            failure = $"{program}: cannot load the cluster TLS files ({certificateKey} '{options.CertificatePath}', " +
                      $"{Key(nameof(ClusterTlsOptions.KeyPath))} '{options.KeyPath}', {Key(nameof(ClusterTlsOptions.CaPath))} '{options.CaPath}'): {ex.Message}";
            return null;
        }

        failure = CertificateProblem(certificate, server);
        if (failure is null && !string.IsNullOrWhiteSpace(options.CaPath) && authorities.Count == 0)
        {
            failure = $"{Key(nameof(ClusterTlsOptions.CaPath))} '{options.CaPath}' holds no PEM certificate";
        }

        if (failure is not null)
        {
            failure = $"{program}: {failure}";
            return null;
        }

        var pinned = options.TrustedThumbprints
            .Select(t => t.Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant())
            .Where(t => t.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ClusterTlsCredentials(certificate, authorities, pinned);
    }

    private static X509Certificate2 LoadCertificate(ClusterTlsOptions options)
    {
        var path = options.CertificatePath;
        var password = string.IsNullOrEmpty(options.CertificatePassword) ? null : options.CertificatePassword;
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }

        var keyPath = string.IsNullOrWhiteSpace(options.KeyPath) ? null : options.KeyPath;
        return password is null
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
    }

    private static string? CertificateProblem(X509Certificate2 certificate, bool server)
    {
        var certificateKey = Key(nameof(ClusterTlsOptions.CertificatePath));
        if (!certificate.HasPrivateKey)
        {
            return $"{certificateKey} ({certificate.Subject}) has no private key: set {Key(nameof(ClusterTlsOptions.KeyPath))} to its key file";
        }

        var now = DateTime.Now;
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            return $"{certificateKey} ({certificate.Subject}) is valid only from {certificate.NotBefore:u} to {certificate.NotAfter:u}: peers would refuse it";
        }

        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().SelectMany(e => e.EnhancedKeyUsages.Cast<Oid>()).Select(o => o.Value).ToList();
        if (usages.Count > 0 && (!usages.Contains(ClientAuthentication) || (server && !usages.Contains(ServerAuthentication))))
        {
            return $"{certificateKey} ({certificate.Subject}) must allow {(server ? "server and client" : "client")} authentication " +
                   "(extended key usage serverAuth, clientAuth): a silo both accepts and opens connections";
        }

        return null;
    }

    private static string Key(string property) => $"{ClusterTlsOptions.SectionName}:{property}";

    private static string Variable(string property) => SunderfallConfiguration.EnvironmentName(Key(property));
}
