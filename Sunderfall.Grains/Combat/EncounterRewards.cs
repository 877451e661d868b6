using Sunderfall.Content;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Inventory;
using Sunderfall.Grains.Interfaces.Rewards;

namespace Sunderfall.Grains.Combat;

/// <summary>
/// Turns an encounter's kills into one grant per player. For each kill, in order: its experience is split evenly
/// among the sharers (rounded down, at least 1 each when there is any); its gold is rolled between the monster's
/// GoldMin and GoldMax and split evenly, the remainder going one coin each to sharers in a rolled order; each loot
/// line is rolled on its own and a drop goes to one sharer picked at random. A kill nobody shares gives nothing.
/// </summary>
public static class EncounterRewards
{
    public static IReadOnlyList<RewardGrant> Roll(Guid encounterId, IReadOnlyList<EncounterKill> kills, ContentCatalog content, Random random, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(kills);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(random);
        var totals = new Dictionary<Guid, Earned>();
        var order = new List<Guid>();
        foreach (var kill in kills)
        {
            if (kill.Sharers.Count == 0 || !content.Monsters.TryGetValue(kill.MonsterId, out var monster))
            {
                continue;
            }

            var sharers = kill.Sharers;
            Earned For(Guid player)
            {
                if (!totals.TryGetValue(player, out var earned))
                {
                    totals[player] = earned = new Earned();
                    order.Add(player);
                }

                return earned;
            }

            var experience = monster.ExperienceReward <= 0 ? 0 : Math.Max(1, monster.ExperienceReward / sharers.Count);
            var gold = monster.GoldMax <= 0 ? 0 : random.Next(monster.GoldMin, monster.GoldMax + 1);
            var remainderStart = random.Next(sharers.Count);
            for (var i = 0; i < sharers.Count; i++)
            {
                var earned = For(sharers[i]);
                earned.Experience += experience;
                earned.Gold += gold / sharers.Count;
            }

            for (var i = 0; i < gold % sharers.Count; i++)
            {
                For(sharers[(remainderStart + i) % sharers.Count]).Gold++;
            }

            foreach (var line in monster.Loot)
            {
                // Three draws per line whether or not it drops, so later lines draw the same numbers either way.
                var drops = random.NextDouble() < line.Chance;
                var count = random.Next(line.Min, line.Max + 1);
                var receiver = sharers[random.Next(sharers.Count)];
                if (drops)
                {
                    var items = For(receiver).Items;
                    items[line.Item] = items.GetValueOrDefault(line.Item) + count;
                }
            }
        }

        return [.. order
            .Select(player => (Player: player, Earned: totals[player]))
            .Where(p => p.Earned.Experience > 0 || p.Earned.Gold > 0 || p.Earned.Items.Count > 0)
            .Select(p => new RewardGrant(
                encounterId, p.Player, p.Earned.Experience, p.Earned.Gold,
                [.. p.Earned.Items.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => new ItemCount(i.Key, i.Value))], at))];
    }

    private sealed class Earned
    {
        public long Experience { get; set; }

        public long Gold { get; set; }

        public Dictionary<string, int> Items { get; } = new(StringComparer.Ordinal);
    }
}
