namespace Sunderfall.ServiceDefaults.Security;

/// <summary>
/// Mutual TLS on every Orleans connection: silo to silo, and frontend (client) to silo gateway. Each process presents
/// a certificate of its own and accepts a peer only if the peer's certificate is issued by a trusted cluster CA (or is
/// pinned by thumbprint), so only holders of a cluster certificate can join the cluster or call its grains.
/// Section "ClusterTls". On by default everywhere but in Development; outside Development it cannot be turned off.
/// </summary>
public sealed class ClusterTlsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ClusterTls";

    /// <summary>Unset: on everywhere but in Development. False is refused outside Development.</summary>
    public bool? Enabled { get; set; }

    /// <summary>This process's certificate: a PEM file (with <see cref="KeyPath"/>, or the key in the same file) or a PKCS#12 file (.pfx, .p12).</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The PEM private key of <see cref="CertificatePath"/>; empty when the key is in the certificate file or the file is PKCS#12.</summary>
    public string KeyPath { get; set; } = "";

    /// <summary>Password of a PKCS#12 file or of an encrypted PEM key; empty when they are not encrypted.</summary>
    public string CertificatePassword { get; set; } = "";

    /// <summary>PEM file of the CA certificates that issue cluster certificates: a peer whose chain ends at one of them is accepted.</summary>
    public string CaPath { get; set; } = "";

    /// <summary>
    /// Peer certificates accepted by their own thumbprint (SHA-256 or SHA-1, hex, ':' allowed), besides those issued by
    /// a CA in <see cref="CaPath"/>: for certificates without a CA. At least one of the two must be given.
    /// </summary>
    public List<string> TrustedThumbprints { get; set; } = [];
}
