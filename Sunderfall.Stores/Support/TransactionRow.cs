using System.Text.Json;

namespace Sunderfall.Stores.Support;

/// <summary>A row of transaction_log.</summary>
/// <param name="Id">Increasing row id.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened, e.g. reward.granted (Sunderfall.Grains/Transactions/TransactionKinds.cs).</param>
/// <param name="ActorId">The character that acted.</param>
/// <param name="TargetId">The character acted upon, if any.</param>
/// <param name="EncounterId">The combat encounter, if any.</param>
/// <param name="ZoneId">The zone instance, if any.</param>
/// <param name="Details">The particulars as a JSON object.</param>
public sealed record TransactionRow(
    long Id, DateTimeOffset At, string Kind, Guid ActorId, Guid? TargetId, Guid? EncounterId, string? ZoneId, JsonElement? Details);
