using System.ComponentModel.DataAnnotations;

namespace Sunderfall.ServiceDefaults.Clustering;

/// <summary>Which cluster a silo or frontend belongs to and where its membership lives. Section "Cluster".</summary>
public sealed class ClusteringOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cluster";

    /// <summary>Identifies one deployment; silos and frontends with the same id form one cluster.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Cluster:ClusterId must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-'.")]
    public string ClusterId { get; set; } = "sunderfall-dev";

    /// <summary>Identifies the service across deployments; grain state in PostgreSQL is keyed by it.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Cluster:ServiceId must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-'.")]
    public string ServiceId { get; set; } = "sunderfall";

    /// <summary>StackExchange.Redis configuration string for cluster membership, e.g. "127.0.0.1:6379".</summary>
    [Required]
    public string Redis { get; set; } = "127.0.0.1:6379";

    /// <summary>How long a membership entry lives in Redis after its last update, so dead silos do not pile up.</summary>
    public TimeSpan MembershipEntryExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Silo only: the silo runs in a Kubernetes pod (Orleans' Kubernetes hosting). It takes its name, address and
    /// cluster from the pod (POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_SERVICE_ID, ORLEANS_CLUSTER_ID), listens on
    /// every address, and declares dead the silos whose pods are gone. Membership stays in Redis.
    /// </summary>
    public bool Kubernetes { get; set; }
}
