using Sunderfall.Protocol.Sync;

namespace Sunderfall.Protocol.Tests.Sync;

/// <summary>The authoritative state of a generated zone, advanced one tick at a time.</summary>
internal sealed class TrueZone
{
    private readonly ZoneScenario scenario;
    private readonly InitialEntity[] state;

    public TrueZone(ZoneScenario scenario)
    {
        this.scenario = scenario;
        state = (InitialEntity[])scenario.Initial.Clone();
    }

    public int TickCount => scenario.Ticks.Length;

    public void Advance(int tick)
    {
        EntityStep[] steps = scenario.Ticks[tick];
        for (int i = 0; i < state.Length; i++)
        {
            InitialEntity e = state[i];
            EntityStep s = steps[i];
            state[i] = s.Kind switch
            {
                StepKind.Move => e with { X = Clamp(e.X + s.A), Y = Clamp(e.Y + s.B) },
                StepKind.Jump => e with { X = s.A, Y = s.B },
                StepKind.Hurt => e with { Health = e.Health + s.Amount },
                StepKind.SetMaxHealth => e with { MaxHealth = s.Amount },
                StepKind.Toggle => e with { Visible = !e.Visible },
                StepKind.Reincarnate => e with { Kind = s.NewKind, Name = s.NewName },
                _ => e,
            };
        }
    }

    /// <summary>The visible entities; the order alternates so the encoder never relies on it.</summary>
    public List<VisibleEntity> Visible(int tick)
    {
        var visible = new List<VisibleEntity>();
        for (int i = 0; i < state.Length; i++)
        {
            InitialEntity e = state[i];
            if (e.Visible)
            {
                visible.Add(new VisibleEntity(NetId(i), e.Kind, e.Name, e.X, e.Y, e.Health, e.MaxHealth));
            }
        }

        if (tick % 2 == 1)
        {
            visible.Reverse();
        }

        return visible;
    }

    private int NetId(int index) => scenario.NetIdBase + (index * scenario.NetIdStride);

    private static float Clamp(float v) => Math.Clamp(v, 0f, ScenarioGen.ZoneSize);
}
