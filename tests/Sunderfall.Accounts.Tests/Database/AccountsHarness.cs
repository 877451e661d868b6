using Microsoft.Extensions.Logging.Abstractions;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Accounts.Mfa;
using Sunderfall.Accounts.Recovery;
using Sunderfall.Accounts.Tokens;
using Xunit;

namespace Sunderfall.Accounts.Tests.Database;

/// <summary>An account service on the test database as sunderfall_app, with a running audit log and a clock to move.</summary>
public sealed class AccountsHarness : IAsyncDisposable
{
    private AccountsHarness(PostgresDatabase database, Action<AuthOptions>? configure, IRecoveryCodeSender? sender)
    {
        Database = database;
        var options = TestKeys.Options(configure);
        Options = options.Value;
        Tokens = new TokenService(options, Clock);
        Audit = new AuditLog(database.AppDataSource, Clock, NullLogger<AuditLog>.Instance);
        Hasher = new AccountPasswordHasher(options);
        Mfa = new AccountMfa(database.AppDataSource, Audit, Clock, options, TestKeys.TotpProtector());
        Accounts = new AccountService(database.AppDataSource, Tokens, Audit, Clock, options, Hasher, Mfa);
        Recovery = new AccountRecovery(database.AppDataSource, Audit, Clock, options, Hasher, sender ?? RecoveryCodes, NullLogger<AccountRecovery>.Instance);
        Moderation = new AccountModeration(database.AppDataSource, Audit, Clock);
    }

    public PostgresDatabase Database { get; }

    public ShiftableTimeProvider Clock { get; } = new();

    public AuthOptions Options { get; }

    public TokenService Tokens { get; }

    public AuditLog Audit { get; }

    public AccountService Accounts { get; }

    /// <summary>The password hashes shared by sign-up, login and recovery (one queue bound for all).</summary>
    public AccountPasswordHasher Hasher { get; }

    public AccountMfa Mfa { get; }

    public AccountRecovery Recovery { get; }

    public AccountModeration Moderation { get; }

    /// <summary>Where account-recovery codes go, unless another sender was given at start.</summary>
    public CapturingRecoveryCodeSender RecoveryCodes { get; } = new();

    public static async Task<AccountsHarness> StartAsync(
        PostgresDatabase database, Action<AuthOptions>? configure = null, IRecoveryCodeSender? sender = null)
    {
        var harness = new AccountsHarness(database, configure, sender);
        await harness.Audit.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Registers an account with a unique name and a valid password; fails the test if refused.</summary>
    public async Task<(AccountInfo Account, string Password)> RegisterAsync(string prefix)
    {
        var username = UniqueName(prefix);
        const string password = "Correct-Horse-42";
        var result = await Accounts.RegisterAsync(username, $"{username}@example.com", password, "127.0.0.1");
        Assert.True(result.Ok, result.Message);
        return (result.Account!, password);
    }

    /// <summary>Registers and logs in; fails the test if either is refused.</summary>
    public async Task<(AccountInfo Account, string Password, TokenPair Tokens)> RegisterAndLoginAsync(string prefix)
    {
        var (account, password) = await RegisterAsync(prefix);
        var login = await Accounts.LoginAsync(account.Username, password, "127.0.0.1");
        Assert.True(login.Ok, login.Message);
        return (account, password, login.Tokens!);
    }

    /// <summary>A username no other test uses: the prefix (up to 8 letters) and 8 random hex digits.</summary>
    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid().ToString("N")[..8]}";

    public async ValueTask DisposeAsync()
    {
        await Audit.StopAsync(CancellationToken.None);
        Audit.Dispose();
    }
}
