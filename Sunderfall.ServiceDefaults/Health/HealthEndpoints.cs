using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sunderfall.ServiceDefaults.Health;

/// <summary>The two health endpoints every Sunderfall process serves.</summary>
public static class HealthEndpoints
{
    /// <summary>Tag for checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// /health/live answers 200 while the process runs; /health/ready answers 200 only when every check tagged
    /// "ready" passes, 503 otherwise, with a JSON body naming each check and what it found.
    /// </summary>
    public static WebApplication MapSunderfallHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
