using Microsoft.Extensions.Logging.Abstractions;
using OtpNet;
using Sunderfall.Accounts.Mfa;
using Sunderfall.Accounts.Tests.Database;
using Xunit;

namespace Sunderfall.Accounts.Tests.Mfa;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class TotpSecretEncryptionTests(PostgresDatabase database) : IAsyncLifetime
{
    private AccountsHarness harness = null!;

    public async Task InitializeAsync() => harness = await AccountsHarness.StartAsync(database);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Enrolment_StoresTheSecretEncrypted_NeverTheSecretItself()
    {
        var (account, _) = await harness.RegisterAsync("Cipher");

        var enrolment = (await harness.Mfa.BeginMfaEnrolmentAsync(account.Id, null)).MfaEnrolment!;
        var secret = Base32Encoding.ToBytes(enrolment.Secret);
        await harness.Mfa.ConfirmMfaAsync(account.Id, CodeAt(secret, harness.Clock.GetUtcNow()), null);
        var stored = await StoredSecretAsync(account.Id);

        Assert.True(TotpSecretProtector.IsEncrypted(stored));
        Assert.False(stored.AsSpan().IndexOf(secret) >= 0, "the secret is in the stored value");
        Assert.Equal(secret, TestKeys.TotpProtector().Unprotect(account.Id, stored));
    }

    [Fact]
    public async Task APlainSecretFromBefore_IsEncryptedAtStart_AndStillSignsIn()
    {
        var (account, password) = await harness.RegisterAsync("Legacy");
        var secret = KeyGeneration.GenerateRandomKey(20);
        // A row as the schema before encryption left it: MFA on, the secret in plain text.
        await database.ExecuteAsOwnerAsync(
            "UPDATE accounts SET mfa_enabled = true, mfa_secret = @secret WHERE id = @id", ("secret", secret), ("id", account.Id));
        var migration = new TotpSecretEncryption(database.AppDataSource, TestKeys.TotpProtector(), NullLogger<TotpSecretEncryption>.Instance);

        var beforeMigration = await harness.Accounts.LoginAsync(account.Username, password, null, NextCode(secret));
        var encrypted = await migration.EncryptPlainSecretsAsync(CancellationToken.None);
        var again = await migration.EncryptPlainSecretsAsync(CancellationToken.None);
        var stored = await StoredSecretAsync(account.Id);
        var afterMigration = await harness.Accounts.LoginAsync(account.Username, password, null, NextCode(secret));

        Assert.True(beforeMigration.Ok, beforeMigration.Message);
        Assert.True(encrypted >= 1);
        Assert.Equal(0, again);
        Assert.True(TotpSecretProtector.IsEncrypted(stored));
        Assert.NotEqual(secret, stored);
        Assert.True(afterMigration.Ok, afterMigration.Message);
    }

    [Fact]
    public async Task AnEncryptedSecretCopiedToAnotherAccount_DoesNotDecrypt()
    {
        var protector = TestKeys.TotpProtector();
        var secret = KeyGeneration.GenerateRandomKey(20);
        var stored = protector.Protect(Guid.NewGuid(), secret);

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(Guid.NewGuid(), stored));
    }

    private string NextCode(byte[] secret)
    {
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        return CodeAt(secret, harness.Clock.GetUtcNow());
    }

    private static string CodeAt(byte[] secret, DateTimeOffset at) => new Totp(secret).ComputeTotp(at.UtcDateTime);

    private Task<byte[]> StoredSecretAsync(Guid accountId) =>
        database.ScalarAsOwnerAsync<byte[]>("SELECT mfa_secret FROM accounts WHERE id = @id", ("id", accountId));
}
