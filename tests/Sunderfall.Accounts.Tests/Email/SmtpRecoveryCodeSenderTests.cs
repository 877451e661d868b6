using MailKit.Security;
using Microsoft.Extensions.Options;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Email;
using Sunderfall.Accounts.Tests.Database;
using Sunderfall.TestSupport.Smtp;
using Xunit;

namespace Sunderfall.Accounts.Tests.Email;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class SmtpRecoveryCodeSenderTests(PostgresDatabase database)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static readonly AccountInfo Ada = new(Guid.NewGuid(), "Ada", "ada@example.com", [Roles.Player], DateTimeOffset.UnixEpoch, null);

    [Fact]
    public async Task SendAsync_OverStartTlsWithALogin_DeliversTheCodeToTheAccountsAddress()
    {
        await using var server = await SmtpTestServer.StartAsync(startTls: true, requireLogin: true);
        using var sender = new SmtpRecoveryCodeSender(Options(server));

        await sender.SendAsync(Ada, "31415926", CancellationToken.None);

        var message = Assert.Single(server.Messages());
        Assert.Contains("To: Ada <ada@example.com>", message, StringComparison.Ordinal);
        Assert.Contains("From: Sunderfall <no-reply@sunderfall.test>", message, StringComparison.Ordinal);
        Assert.Contains("your account recovery code is 31415926", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhenTheServersCertificateIsNotTrusted_RefusesToSend()
    {
        await using var server = await SmtpTestServer.StartAsync(startTls: true, requireLogin: true);
        using var sender = new SmtpRecoveryCodeSender(Options(server, o => o.TrustedCertificatePath = ""));

        await Assert.ThrowsAsync<SslHandshakeException>(() => sender.SendAsync(Ada, "31415926", CancellationToken.None));

        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task SendAsync_WithAWrongSmtpPassword_IsRefusedAndDeliversNothing()
    {
        await using var server = await SmtpTestServer.StartAsync(startTls: true, requireLogin: true);
        using var sender = new SmtpRecoveryCodeSender(Options(server, o => o.Password = "not-the-password"));

        await Assert.ThrowsAsync<AuthenticationException>(() => sender.SendAsync(Ada, "31415926", CancellationToken.None));

        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task RequestRecovery_WithTheSmtpSender_EmailsACodeThatRecoversTheAccount()
    {
        await using var server = await SmtpTestServer.StartAsync(startTls: true, requireLogin: true);
        using var sender = new SmtpRecoveryCodeSender(Options(server));
        await using var harness = await AccountsHarness.StartAsync(database, sender: sender);
        var (account, _) = await harness.RegisterAsync("mailed");

        var requested = await harness.Recovery.RequestRecoveryAsync(account.Email, "127.0.0.1");
        var message = await server.WaitForMessageAsync(account.Email, Wait);
        Assert.NotNull(message);
        var code = System.Text.RegularExpressions.Regex.Match(message, @"recovery code is (\d{8})").Groups[1].Value;
        var completed = await harness.Recovery.CompleteRecoveryAsync(account.Username, code, "Brand-New-Horse-7", "127.0.0.1");
        var login = await harness.Accounts.LoginAsync(account.Username, "Brand-New-Horse-7", "127.0.0.1", CancellationToken.None);

        Assert.True(requested.Ok, requested.Message);
        Assert.True(completed.Ok, completed.Message);
        Assert.True(login.Ok, login.Message);
    }

    private static IOptions<EmailOptions> Options(SmtpTestServer server, Action<EmailOptions>? configure = null)
    {
        var options = new EmailOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Security = EmailSecurity.StartTls,
            Username = SmtpTestServer.Username,
            Password = SmtpTestServer.Password,
            From = "no-reply@sunderfall.test",
            TrustedCertificatePath = server.CertificatePath!,
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }
}
