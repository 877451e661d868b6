using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Sunderfall.Content;
using Sunderfall.Silo.Hosting;
using Xunit;
using OrleansSiloOptions = Orleans.Configuration.SiloOptions;

namespace Sunderfall.Silo.Tests.Hosting;

/// <summary>
/// Cluster:Kubernetes=true hands the silo's name, address and cluster to Orleans' Kubernetes hosting (from the pod's
/// environment, as deploy/kubernetes sets it); without it the silo keeps its configured address; the host takes
/// its shutdown timeout from DOTNET_shutdownTimeoutSeconds, as the manifests set it. Reads the options
/// the silo would start with; no silo starts and no Kubernetes API is called. The tests share one class, so they
/// never change the process's environment at the same time.
/// </summary>
public sealed class KubernetesHostingTests : IDisposable
{
    private static readonly Dictionary<string, string> PodEnvironment = new()
    {
        ["POD_NAME"] = "sunderfall-silo-7d9f8-x2k4q",
        ["POD_NAMESPACE"] = "sunderfall",
        ["POD_IP"] = "10.244.3.17",
        ["ORLEANS_SERVICE_ID"] = "sunderfall-k8s",
        ["ORLEANS_CLUSTER_ID"] = "sunderfall-k8s-cluster",
        // What deploy/kubernetes sets so the silo's graceful stop fits in the pod's grace period.
        ["DOTNET_shutdownTimeoutSeconds"] = "45",
    };

    public KubernetesHostingTests()
    {
        foreach (var (name, value) in PodEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var name in PodEnvironment.Keys)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Silo_InKubernetes_IsNamedAfterItsPodAndAdvertisesThePodAddress()
    {
        using var app = Build(kubernetes: true);

        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(IPAddress.Parse("10.244.3.17"), endpoints.AdvertisedIPAddress);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 11111), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 30000), endpoints.GatewayListeningEndpoint);
        Assert.Equal("sunderfall-silo-7d9f8-x2k4q", app.Services.GetRequiredService<IOptions<OrleansSiloOptions>>().Value.SiloName);
        var cluster = app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal("sunderfall-k8s-cluster", cluster.ClusterId);
        Assert.Equal("sunderfall-k8s", cluster.ServiceId);
    }

    [Fact]
    public void Silo_OutsideKubernetes_KeepsItsConfiguredAddressAndCluster()
    {
        using var app = Build(kubernetes: false);

        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(IPAddress.Parse("192.0.2.10"), endpoints.AdvertisedIPAddress);
        Assert.Equal(11111, endpoints.SiloPort);
        var cluster = app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal("configured-cluster", cluster.ClusterId);
        Assert.Equal("configured-service", cluster.ServiceId);
    }

    [Fact]
    public void Silo_GivenDotnetShutdownTimeoutSeconds_WaitsThatLongForItsGracefulStop()
    {
        using var app = Build(kubernetes: true);

        Assert.Equal(TimeSpan.FromSeconds(45), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    private static WebApplication Build(bool kubernetes)
    {
        // Development: these tests look at the hosting, not at the cluster certificate Production would require.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Kubernetes"] = kubernetes ? "true" : "false",
            ["Cluster:ClusterId"] = "configured-cluster",
            ["Cluster:ServiceId"] = "configured-service",
            ["Cluster:Redis"] = "127.0.0.1:1",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none;Username=none",
            ["Silo:SiloPort"] = "11111",
            ["Silo:GatewayPort"] = "30000",
            ["Silo:AdvertisedAddress"] = "192.0.2.10",
        });
        builder.AddSunderfallSilo(ContentLoader.Load(ContentDirectory()));
        return builder.Build();
    }

    private static string ContentDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sunderfall.sln")))
            {
                return Path.Combine(dir.FullName, "content");
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Sunderfall.sln.");
    }
}
