using Microsoft.Extensions.Options;

namespace Sunderfall.Frontend.Hosting;

/// <summary>This process's frontend id, fixed for its lifetime.</summary>
public sealed class FrontendIdentity(IOptions<FrontendOptions> options)
{
    /// <summary>The id zones know this frontend by.</summary>
    public string Id { get; } = string.IsNullOrEmpty(options.Value.FrontendId)
        ? $"fe-{Environment.ProcessId}-{Guid.NewGuid():N}"
        : options.Value.FrontendId;
}
