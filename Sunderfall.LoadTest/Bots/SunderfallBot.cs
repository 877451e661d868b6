using Sunderfall.Client;
using Sunderfall.LoadTest.Engine;
using Sunderfall.Protocol.Errors;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;
using Sunderfall.Protocol.Social;
using Sunderfall.Protocol.Sync;

namespace Sunderfall.LoadTest.Bots;

/// <summary>
/// A player of Sunderfall through the client SDK: registers (or logs in), creates a character, enters the start zone
/// and walks at the input rate; chats now and then; in the combat scenario forms a party of five and fights the
/// monsters in view. Latency: from sending Move(s) to the first WorldDelta whose AckInput reaches s.
/// </summary>
internal sealed class SunderfallBot : Bot
{
    public const int PartySize = 5;
    private const float StrikeRange = 2.2f;
    private const float Speed = 5f;
    private readonly SunderfallClient client;
    private readonly Walker walker;
    private readonly string username;
    private readonly string characterName;
    private string? characterId;
    private long sequence;
    private DateTime nextChat;
    private DateTime nextStrike;
    private DateTime nextInvite;
    private DateTime partyDeadline;
    private int partyMembers;
    private bool wasDead;

    public SunderfallBot(int index, LoadOptions options, LoadMetrics metrics)
        : base(index, options, metrics)
    {
        username = $"{options.AccountPrefix}{index}";
        characterName = $"{options.AccountPrefix}c{index}";
        var homeRadius = options.Scenario == Scenario.Combat ? 40f : (Math.Min(options.ZoneSize.Width, options.ZoneSize.Height) / 2) - 50;
        walker = new Walker(Random, options.ZoneSize.Width, options.ZoneSize.Height, homeRadius);
        client = new SunderfallClient(options.BaseUrl, new SunderfallClientOptions
        {
            LoggerFactory = options.ByteCounter,
            // A bot that drops counts as an error; it still comes back by itself like a player would.
            ReconnectGiveUpAfter = TimeSpan.FromMinutes(2),
        });
        client.WorldUpdated += OnWorldUpdated;
        client.ErrorReceived += (_, error) => Metrics.Error(error.Code.ToString());
        client.CorrectionReceived += (_, _) => walker.Blocked();
        client.ConnectionStateChanged += (_, change) =>
        {
            if (change.Current == ConnectionState.Reconnecting)
            {
                Metrics.Error("ConnectionDropped");
            }
        };
        client.PartyInvited += (_, invite) => _ = AcceptAsync(invite);
        client.PartyChanged += (_, party) => Volatile.Write(ref partyMembers, party.Members.Length);
        nextChat = DateTime.UtcNow + TimeSpan.FromSeconds(Random.NextDouble() * Math.Max(1, options.ChatEverySeconds));
    }

    public override bool Connected => client.State == ConnectionState.Connected;

    public override bool InGame => Connected && client.World.Zone is not null;

    private bool Leader => Options.Scenario == Scenario.Combat && Index % PartySize == 0;

    public override async Task<bool> SignUpAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.SignUpTimeout);
        try
        {
            await SignInAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Metrics.Error("SignUpTimeout");
            return false;
        }
        catch (Exception ex) when (ex is SunderfallAuthException or HttpRequestException)
        {
            Metrics.Error("SignUpFailed:" + (ex is SunderfallAuthException auth ? auth.Code : ex.GetType().Name));
            return false;
        }
    }

    protected override async Task<bool> JoinAsync(CancellationToken cancellationToken)
    {
        if (!client.IsSignedIn)
        {
            await SignInAsync(cancellationToken).ConfigureAwait(false);
        }

        await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (characterId is null)
        {
            var list = await client.ListCharactersAsync(cancellationToken).ConfigureAwait(false);
            if (!Counted(list.Ok, list.Error))
            {
                return false;
            }

            characterId = list.Value!.Characters.FirstOrDefault()?.Id;
            if (characterId is null)
            {
                var created = await client.CreateCharacterAsync(characterName, ClassOf(Index), cancellationToken).ConfigureAwait(false);
                if (!Counted(created.Ok, created.Error))
                {
                    return false;
                }

                characterId = created.Value!.Id;
            }
        }

        var entered = await client.EnterWorldAsync(characterId, cancellationToken).ConfigureAwait(false);
        if (!Counted(entered.Ok, entered.Error))
        {
            return false;
        }

        partyDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        return true;
    }

    protected override Task LeaveAsync() => client.DisconnectAsync();

    private async Task SignInAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.RegisterAsync(username, $"{username}@load.test", Options.Password, cancellationToken).ConfigureAwait(false);
        }
        catch (SunderfallAuthException ex) when (ex.Code == "UsernameTaken")
        {
            await client.LoginAsync(username, Options.Password, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    protected override ValueTask CloseAsync() => client.DisposeAsync();

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        if (!InGame)
        {
            return;
        }

        // A dead player waits for the zone to bring it back, as a real client's death screen does. The zone refuses
        // a dead player's moves (and never applies them), so inputs still in flight at death would otherwise be
        // "answered" by the first ack after the respawn and charge the respawn time to input latency.
        if (client.World.Self is { Health: <= 0 })
        {
            if (!wasDead)
            {
                wasDead = true;
                ForgetUnacknowledged();
            }

            return;
        }

        wasDead = false;
        var (dx, dy) = Options.Scenario == Scenario.Combat ? Fight() : Walk();
        var next = sequence + 1;
        Sending(next);
        var sent = await client.MoveAsync(dx, dy, cancellationToken).ConfigureAwait(false);
        sequence = sent == 0 ? next : sent;
        if (sent == 0)
        {
            Metrics.Error("InputNotSent");
        }
        else
        {
            Metrics.InputSent();
        }

        var now = DateTime.UtcNow;
        if (Options.ChatEverySeconds > 0 && now >= nextChat)
        {
            nextChat = now + TimeSpan.FromSeconds(Options.ChatEverySeconds * (0.5 + Random.NextDouble()));
            _ = ChatAsync();
        }

        if (Leader && now >= nextInvite && now < partyDeadline && Volatile.Read(ref partyMembers) < PartySize)
        {
            nextInvite = now + TimeSpan.FromSeconds(3);
            _ = FormPartyAsync();
        }
    }

    private (float, float) Walk() => client.World.Self is { } self ? walker.DirectionFrom(self.X, self.Y) : (0f, 0f);

    /// <summary>Walk to the nearest living monster in view and strike it once a second; wander when none is near.</summary>
    private (float, float) Fight()
    {
        if (client.World.Self is not { } self)
        {
            return (0f, 0f);
        }

        VisibleEntity? nearest = null;
        var best = float.MaxValue;
        foreach (var e in client.World.Snapshot())
        {
            if (e.Kind != EntityKind.Monster || e.Health <= 0)
            {
                continue;
            }

            var d = Distance(self, e);
            if (d < best)
            {
                best = d;
                nearest = e;
            }
        }

        if (nearest is not { } monster)
        {
            return walker.DirectionFrom(self.X, self.Y);
        }

        if (best > StrikeRange)
        {
            return ((monster.X - self.X) / best, (monster.Y - self.Y) / best);
        }

        var now = DateTime.UtcNow;
        if (now >= nextStrike)
        {
            nextStrike = now + TimeSpan.FromSeconds(1.05);
            _ = client.UseAbilityAsync("strike", monster.NetId);
        }

        return (0f, 0f);
    }

    private static float Distance(VisibleEntity a, VisibleEntity b) => MathF.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static string ClassOf(int index) => (index % 4) switch
    {
        0 => "warrior",
        1 => "ranger",
        2 => "mage",
        _ => "cleric",
    };

    private void OnWorldUpdated(object? sender, WorldUpdate update)
    {
        var changes = update.Changes;
        Metrics.EntityUpdates(changes.Spawned.Count + changes.Despawned.Count + changes.Updated.Count);
        Acknowledged(update.AckInput);
    }

    private async Task ChatAsync()
    {
        var result = await client.SendChatAsync("zone", $"hello from bot {Index}").ConfigureAwait(false);
        Counted(result.Ok, result.Error);
    }

    private async Task FormPartyAsync()
    {
        if (Volatile.Read(ref partyMembers) == 0)
        {
            var created = await client.CreatePartyAsync().ConfigureAwait(false);
            if (!created.Ok && created.Error?.Code != ErrorCode.AlreadyInParty)
            {
                Counted(false, created.Error);
                return;
            }
        }

        for (var member = Index + 1; member < Index + PartySize; member++)
        {
            var invite = await client.InviteToPartyAsync($"{Options.AccountPrefix}c{member}").ConfigureAwait(false);
            // A member still signing in, or already in: asked again on the next round.
            if (!invite.Ok && invite.Error?.Code is not (ErrorCode.PlayerOffline or ErrorCode.AlreadyInParty or ErrorCode.NotFound))
            {
                Counted(false, invite.Error);
            }
        }
    }

    private async Task AcceptAsync(PartyInviteInfo invite)
    {
        var accepted = await client.AcceptPartyInviteAsync(invite.PartyId).ConfigureAwait(false);
        if (!accepted.Ok && accepted.Error?.Code != ErrorCode.AlreadyInParty)
        {
            Counted(false, accepted.Error);
        }
    }

    private bool Counted(bool ok, ServerError? error)
    {
        if (!ok)
        {
            Metrics.Error(error?.Code.ToString() ?? "Unknown");
        }

        return ok;
    }
}
