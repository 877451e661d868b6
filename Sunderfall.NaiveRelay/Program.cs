using Sunderfall.NaiveRelay;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR().AddMessagePackProtocol();

var app = builder.Build();
app.MapGet("/health", () => "ok");
app.MapHub<RelayHub>(RelayHub.Path);
app.Run();
