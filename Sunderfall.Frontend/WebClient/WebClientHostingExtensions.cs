using Microsoft.AspNetCore.StaticFiles;
using Sunderfall.Protocol.Auth;

namespace Sunderfall.Frontend.WebClient;

/// <summary>
/// The browser client: its built files (Sunderfall.Web, built into wwwroot by scripts/build-web.sh), console.html for
/// /console (the operator console), index.html for any other page path, and the read-only content it draws with under /api/content.
/// </summary>
public static class WebClientHostingExtensions
{
    // Only the client's own origin: its scripts, its styles, and the hub and API it calls (ws: and wss: for the hub).
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static WebApplicationBuilder AddSunderfallWebClient(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName);
        builder.Services.AddSingleton<ClientContent>();
        return builder;
    }

    public static WebApplication MapSunderfallWebClient(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context => AddPageHeaders(context.Context.Response),
        });

        var content = app.MapGroup("/api/content");
        content.MapGet("/zones/{template}", (string template, ClientContent data) =>
            !data.Available ? Unavailable()
            : data.Zone(template) is { } zone ? Results.Json(zone)
            : Results.Json(new ApiError { Code = "NotFound", Message = $"no zone '{template}'; zone ids are content ids such as 'ashen-vale'" },
                statusCode: StatusCodes.Status404NotFound));
        content.MapGet("/catalog", (ClientContent data) => data.Catalog() is { } catalog ? Results.Json(catalog) : Unavailable());

        // The operator console is a page of its own (console.html, built beside the game's index.html).
        app.MapFallbackToFile("console/{*path:nonfile}", "console.html", new StaticFileOptions
        {
            OnPrepareResponse = context => AddPageHeaders(context.Context.Response),
        });

        // Any other page path is the single-page client; the API, hub and health paths keep their own 404s.
        app.MapFallbackToFile("{*path:regex(^(?!api/|api$|hubs/|health/|dashboard).*$):nonfile}", "index.html", new StaticFileOptions
        {
            OnPrepareResponse = context => AddPageHeaders(context.Context.Response),
        });
        return app;
    }

    private static IResult Unavailable() => Results.Json(
        new ApiError { Code = "Unavailable", Message = "the game content is not available on this frontend; try again later" },
        statusCode: StatusCodes.Status503ServiceUnavailable);

    private static void AddPageHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
