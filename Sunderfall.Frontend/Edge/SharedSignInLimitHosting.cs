namespace Sunderfall.Frontend.Edge;

/// <summary>Registers <see cref="SharedSignInLimit"/> (one Redis connection per frontend) and puts it on a route group.</summary>
internal static class SharedSignInLimitHosting
{
    public static IServiceCollection AddSharedSignInLimit(this IServiceCollection services) =>
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SharedSignInLimit>(sp, sp.GetService<TimeProvider>() ?? TimeProvider.System));

    /// <summary>Every call in the group counts against the address's sign-in limit in Redis.</summary>
    public static RouteGroupBuilder RequireSharedSignInLimit(this RouteGroupBuilder group) =>
        group.AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<SharedSignInLimit>().InvokeAsync(context, next));
}
