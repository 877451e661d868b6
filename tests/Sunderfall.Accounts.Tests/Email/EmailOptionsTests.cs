using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sunderfall.Accounts.Email;
using Sunderfall.Accounts.Recovery;
using Xunit;

namespace Sunderfall.Accounts.Tests.Email;

public sealed class EmailOptionsTests
{
    [Fact]
    public async Task HostStart_OutsideDevelopmentWithoutAnSmtpServer_FailsNamingEmailHost()
    {
        using var host = BuildHost(Environments.Production, []);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Email:Host is not set (SUNDERFALL_Email__Host)", error.Message, StringComparison.Ordinal);
        Assert.Contains("development sender", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_InDevelopmentWithoutAnSmtpServer_StartsWithTheLogSender()
    {
        using var host = BuildHost(Environments.Development, []);

        await host.StartAsync();
        await host.StopAsync();

        Assert.IsType<LogRecoveryCodeSender>(host.Services.GetRequiredService<IRecoveryCodeSender>());
    }

    [Fact]
    public async Task HostStart_WithAnSmtpServer_UsesTheSmtpSenderOutsideDevelopment()
    {
        using var host = BuildHost(Environments.Production, new()
        {
            ["Email:Host"] = "smtp.example.com",
            ["Email:From"] = "no-reply@example.com",
            ["Email:Username"] = "mailer",
            ["Email:Password"] = "secret",
        });

        await host.StartAsync();
        await host.StopAsync();

        Assert.IsType<SmtpRecoveryCodeSender>(host.Services.GetRequiredService<IRecoveryCodeSender>());
    }

    [Theory]
    [InlineData("Email:From", "not an address", "Email:From must be the sender's e-mail address")]
    [InlineData("Email:Security", "None", "Email:Security is None")]
    [InlineData("Email:Password", "", "Email:Username and Email:Password go together")]
    [InlineData("Email:Port", "0", "Email:Port must be 1 to 65535")]
    public async Task HostStart_WithABadSmtpSetting_SaysWhatIsAllowed(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:Host"] = "smtp.example.com",
            ["Email:From"] = "no-reply@example.com",
            ["Email:Username"] = "mailer",
            ["Email:Password"] = "secret",
            [key] = value,
        };
        using var host = BuildHost(Environments.Production, settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = TestKeys.SigningKey, ["Mfa:SecretEncryptionKey"] = TestKeys.MfaKey });
        builder.AddSunderfallAccounts("Host=127.0.0.1;Port=1;Database=none;Username=none");
        builder.Services.AddLogging();
        return builder.Build();
    }
}
