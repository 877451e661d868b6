using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Tests.Database;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

/// <summary>
/// Each test fills every hashing slot (one, with no queue) and shows which calls still answer: those refused by a
/// cheap check never wait for a hash, the rest are refused at once as Busy instead of queuing.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PasswordHashFloodTests(PostgresDatabase database) : IAsyncLifetime
{
    private AccountsHarness harness = null!;

    public async Task InitializeAsync() => harness = await AccountsHarness.StartAsync(database, o =>
    {
        o.MaxConcurrentPasswordHashes = 1;
        o.MaxQueuedPasswordHashes = 0;
    });

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task CompleteRecovery_WithAWrongCode_IsRefusedWithoutHashingTheNewPassword()
    {
        var (account, _) = await harness.RegisterAsync("Wren");
        await harness.Recovery.RequestRecoveryAsync(account.Username, null);
        var code = await harness.RecoveryCodes.WaitForCodeAsync(account.Id);
        var wrong = code == "00000000" ? "11111111" : "00000000";
        await using var held = await PasswordHashGateTests.SlotHolder.HoldAsync(harness.Accounts.PasswordHashes);

        var refused = await harness.Recovery.CompleteRecoveryAsync(account.Username, wrong, "Brand-New-Horse-77", null);
        var right = await harness.Recovery.CompleteRecoveryAsync(account.Username, code, "Brand-New-Horse-77", null);
        held.Release();
        var afterwards = await harness.Recovery.CompleteRecoveryAsync(account.Username, code, "Brand-New-Horse-77", null);

        Assert.Equal(AuthErrorCode.InvalidRecoveryCode, refused.Code);
        Assert.Equal(AuthErrorCode.Busy, right.Code);
        Assert.True(afterwards.Ok, afterwards.Message);
    }

    [Fact]
    public async Task Register_WithATakenNameOrAddress_IsRefusedWithoutHashing()
    {
        var (account, _) = await harness.RegisterAsync("Yarr");
        await using var held = await PasswordHashGateTests.SlotHolder.HoldAsync(harness.Accounts.PasswordHashes);

        var sameName = await harness.Accounts.RegisterAsync(account.Username.ToUpperInvariant(), "other@example.com", "Correct-Horse-42", null);
        var sameEmail = await harness.Accounts.RegisterAsync(AccountsHarness.UniqueName("Zed"), account.Email, "Correct-Horse-42", null);

        Assert.Equal(AuthErrorCode.UsernameTaken, sameName.Code);
        Assert.Equal(AuthErrorCode.EmailTaken, sameEmail.Code);
    }

    [Fact]
    public async Task RegisterAndLogin_WhenEverySlotIsBusy_AreRefusedAtOnceAsBusyWithRetryAfter()
    {
        var (account, password) = await harness.RegisterAsync("Abel");
        await using var held = await PasswordHashGateTests.SlotHolder.HoldAsync(harness.Accounts.PasswordHashes);

        var register = await harness.Accounts.RegisterAsync(AccountsHarness.UniqueName("Bice"), $"{Guid.NewGuid():N}@example.com", "Correct-Horse-42", null);
        var login = await harness.Accounts.LoginAsync(account.Username, password, null, CancellationToken.None);
        var unknown = await harness.Accounts.LoginAsync(AccountsHarness.UniqueName("Nobody"), password, null, CancellationToken.None);

        Assert.All([register, login, unknown], r => Assert.Equal(AuthErrorCode.Busy, r.Code));
        Assert.All([register, login, unknown], r => Assert.Equal(TimeSpan.FromSeconds(1), r.RetryAfter));
        Assert.Contains("1 at once, 0 waiting", register.Message, StringComparison.Ordinal);
    }
}
