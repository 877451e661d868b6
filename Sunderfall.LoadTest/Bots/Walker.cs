namespace Sunderfall.LoadTest.Bots;

/// <summary>
/// Where a bot walks: from wherever it stands to a home point of its own (spread over the zone, or near the centre),
/// then to random points around that home. Directions are unit vectors, as the server's Move expects.
/// </summary>
internal sealed class Walker
{
    private const float Margin = 25f;
    private const float Wander = 40f;
    private readonly Random random;
    private readonly float width;
    private readonly float height;
    private (float X, float Y) home;
    private (float X, float Y) target;

    public Walker(Random random, float width, float height, float homeRadius)
    {
        this.random = random;
        this.width = width;
        this.height = height;
        // Uniform over the disc: the radius goes with the square root.
        var angle = random.NextDouble() * Math.PI * 2;
        var radius = homeRadius * Math.Sqrt(random.NextDouble());
        home = Clamp((float)((width / 2) + (radius * Math.Cos(angle))), (float)((height / 2) + (radius * Math.Sin(angle))));
        target = home;
        X = width / 2;
        Y = height / 2;
    }

    /// <summary>The bot's own idea of where it stands (the relay's clients are authoritative; Sunderfall's are not).</summary>
    public float X { get; private set; }

    public float Y { get; private set; }

    /// <summary>The direction to walk from (x, y); picks the next point when the current one is reached.</summary>
    public (float Dx, float Dy) DirectionFrom(float x, float y)
    {
        X = x;
        Y = y;
        var dx = target.X - x;
        var dy = target.Y - y;
        var length = MathF.Sqrt((dx * dx) + (dy * dy));
        if (length < 3f)
        {
            target = Clamp(home.X + (((float)random.NextDouble() * 2) - 1) * Wander, home.Y + (((float)random.NextDouble() * 2) - 1) * Wander);
            return DirectionFrom(x, y);
        }

        return (dx / length, dy / length);
    }

    /// <summary>Moves the bot's own position <paramref name="seconds"/> at <paramref name="speed"/> toward the target.</summary>
    public (float X, float Y) Advance(double seconds, float speed)
    {
        var (dx, dy) = DirectionFrom(X, Y);
        X = Math.Clamp(X + (dx * speed * (float)seconds), 0, width);
        Y = Math.Clamp(Y + (dy * speed * (float)seconds), 0, height);
        return (X, Y);
    }

    /// <summary>Stopped by a wall: try another point around home.</summary>
    public void Blocked() =>
        target = Clamp(home.X + (((float)random.NextDouble() * 2) - 1) * Wander * 3, home.Y + (((float)random.NextDouble() * 2) - 1) * Wander * 3);

    private (float X, float Y) Clamp(float x, float y) => (Math.Clamp(x, Margin, width - Margin), Math.Clamp(y, Margin, height - Margin));
}
