using Sunderfall.ServiceDefaults.Configuration;
using Sunderfall.ServiceDefaults.Security;
using Sunderfall.Silo.Hosting;
using Sunderfall.Silo.Reconciliation;

if (args is [ReconcileCommand.Name, .. var reconcileArgs])
{
    return await ReconcileCommand.RunAsync(reconcileArgs);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSunderfallConfiguration();
var content = SiloStartupChecks.LoadContent(builder.Configuration, out var failure);
ClusterTlsCredentials.Load(builder.Configuration, builder.Environment, "silo", out var tlsFailure);
failure ??= tlsFailure ?? await SiloStartupChecks.RunAsync(builder.Configuration, builder.Environment);
if (content is null || failure is not null)
{
    await Console.Error.WriteLineAsync(failure);
    return 2;
}

builder.AddSunderfallSilo(content);
var app = builder.Build();
app.MapSunderfallSilo();
await app.RunAsync();
return 0;
