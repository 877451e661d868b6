using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Accounts.Recovery;
using Sunderfall.Accounts.Tests.Database;
using Xunit;

namespace Sunderfall.Accounts.Tests;

public sealed class AccountsHostingExtensionsTests
{
    [Fact]
    public void AddSunderfallAccounts_RegistersTheServiceAndRunsTheSharedAuditLogAsAHostedService()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = TestKeys.SigningKey, ["Mfa:SecretEncryptionKey"] = TestKeys.MfaKey });

        // Never opened by this test: resolving the services does not connect.
        builder.AddSunderfallAccounts("Host=127.0.0.1;Port=1;Database=none;Username=none");
        using var host = builder.Build();

        Assert.NotNull(host.Services.GetRequiredService<AccountService>());
        Assert.Contains(host.Services.GetRequiredService<AuditLog>(), host.Services.GetServices<IHostedService>());
        Assert.IsType<LogRecoveryCodeSender>(host.Services.GetRequiredService<IRecoveryCodeSender>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddSunderfallAccounts_KeepsARecoveryCodeSenderRegisteredBeforeOrAfter(bool before)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = TestKeys.SigningKey, ["Mfa:SecretEncryptionKey"] = TestKeys.MfaKey });
        if (before)
        {
            builder.Services.AddSingleton<IRecoveryCodeSender, CapturingRecoveryCodeSender>();
        }

        builder.AddSunderfallAccounts("Host=127.0.0.1;Port=1;Database=none;Username=none");
        if (!before)
        {
            builder.Services.AddSingleton<IRecoveryCodeSender, CapturingRecoveryCodeSender>();
        }

        using var host = builder.Build();

        Assert.IsType<CapturingRecoveryCodeSender>(host.Services.GetRequiredService<IRecoveryCodeSender>());
        Assert.NotNull(host.Services.GetRequiredService<AccountService>());
    }
}
