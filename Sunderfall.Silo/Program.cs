using Sunderfall.ServiceDefaults.Configuration;
using Sunderfall.Silo.Hosting;
using Sunderfall.Silo.Reconciliation;

if (args is [ReconcileCommand.Name, .. var reconcileArgs])
{
    return await ReconcileCommand.RunAsync(reconcileArgs);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSunderfallConfiguration();
var content = SiloStartupChecks.LoadContent(builder.Configuration, out var failure);
failure ??= await SiloStartupChecks.RunAsync(builder.Configuration);
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
