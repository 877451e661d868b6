using Sunderfall.ServiceDefaults.Configuration;
using Sunderfall.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSunderfallConfiguration();
if (await SiloStartupChecks.RunAsync(builder.Configuration) is { } failure)
{
    await Console.Error.WriteLineAsync(failure);
    return 2;
}

builder.AddSunderfallSilo();
var app = builder.Build();
app.MapSunderfallSilo();
await app.RunAsync();
return 0;
