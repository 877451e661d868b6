using Sunderfall.Frontend.Edge;
using Sunderfall.Frontend.Hosting;
using Sunderfall.ServiceDefaults.Configuration;
using Sunderfall.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddSunderfallConfiguration();
if (TransportSecurity.Check(builder.Configuration) is { } unsafeTransport)
{
    await Console.Error.WriteLineAsync(unsafeTransport);
    return 2;
}

ClusterTlsCredentials.Load(builder.Configuration, builder.Environment, "frontend", out var unsafeCluster);
if (unsafeCluster is not null)
{
    await Console.Error.WriteLineAsync(unsafeCluster);
    return 2;
}

builder.AddSunderfallFrontend();
var app = builder.Build();
app.MapSunderfallFrontend();
await app.RunAsync();
return 0;
