using Sunderfall.Frontend.Hosting;
using Sunderfall.ServiceDefaults.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.AddSunderfallConfiguration();
builder.AddSunderfallFrontend();
var app = builder.Build();
app.MapSunderfallFrontend();
await app.RunAsync();
