namespace Sunderfall.Benchmarks.Zone;

/// <summary>Bytes on the wire for one client watching moving entities.</summary>
internal sealed record WireFigures(
    int Visible,
    double PayloadBytesPerEntityUpdate,
    double FramedBytesPerClientPerSecond,
    double NaiveBytesPerClientPerSecond);
