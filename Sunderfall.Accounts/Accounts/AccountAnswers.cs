namespace Sunderfall.Accounts.Accounts;

/// <summary>What the account classes share: the database's notion of now, the kept length of an address, common refusals.</summary>
internal static class AccountAnswers
{
    private const int MaxIpLength = 64;

    /// <summary>PostgreSQL keeps microseconds; dropping the rest makes values read back equal to the ones written.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }

    public static string? Ip(string? ip) => ip is { Length: > MaxIpLength } ? ip[..MaxIpLength] : ip;

    public static AuthResult Busy(PasswordHashingBusyException busy) => AuthResult.Fail(AuthErrorCode.Busy, busy.Message, TimeSpan.FromSeconds(1));

    public static AuthResult NotFound(string username) => AuthResult.Fail(AuthErrorCode.NotFound, $"no account is named '{username}'");

    public static AuthResult LockedOut(TimeSpan left) =>
        AuthResult.Fail(AuthErrorCode.LockedOut, $"too many failed logins: the account is locked, try again in {Describe(left)}", left);

    private static string Describe(TimeSpan left) =>
        left >= TimeSpan.FromMinutes(1)
            ? $"{Math.Ceiling(left.TotalMinutes):0} min"
            : $"{Math.Max(1, Math.Ceiling(left.TotalSeconds)):0} s";
}
