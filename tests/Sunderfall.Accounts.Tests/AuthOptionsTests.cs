using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sunderfall.Accounts.Tokens;
using Xunit;

namespace Sunderfall.Accounts.Tests;

public sealed class AuthOptionsTests
{
    [Fact]
    public async Task HostStart_WithoutASigningKey_FailsNamingTheSettingAndItsVariable()
    {
        using var host = BuildHost(new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Auth:SigningKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("SUNDERFALL_Auth__SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binding_ReadsTheSectionIncludingBootstrapAdmins()
    {
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = TestKeys.SigningKey,
            ["Auth:AccessTokenLifetime"] = "00:05:00",
            ["Auth:BootstrapAdmins:0"] = "root",
            ["Auth:BootstrapAdmins:1"] = "Keeper",
        });

        var options = host.Services.GetRequiredService<IOptions<AuthOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(5), options.AccessTokenLifetime);
        Assert.Equal(["root", "Keeper"], options.BootstrapAdmins);
        Assert.Equal(TimeSpan.FromDays(30), options.RefreshTokenLifetime);
        Assert.NotNull(host.Services.GetRequiredService<TokenService>());
    }

    [Theory]
    [InlineData("Auth:MaxFailedLogins", "0", "Auth:MaxFailedLogins must be 1 to 100")]
    [InlineData("Auth:AccessTokenLifetime", "00:00:10", "Auth:AccessTokenLifetime must be 00:01:00 to 1.00:00:00")]
    [InlineData("Auth:RecoveryCodeLifetime", "2.00:00:00", "Auth:RecoveryCodeLifetime must be 00:01:00 to 1.00:00:00")]
    [InlineData("Auth:MaxActiveRecoveryCodes", "0", "Auth:MaxActiveRecoveryCodes must be 1 to 20")]
    [InlineData("Auth:MaxRecoveryAttempts", "21", "Auth:MaxRecoveryAttempts must be 1 to 20")]
    [InlineData("Auth:MaxConcurrentPasswordHashes", "0", "Auth:MaxConcurrentPasswordHashes must be 1 to 256")]
    public async Task HostStart_WithAValueOutOfRange_SaysWhatIsAllowed(string key, string value, string expected)
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Auth:SigningKey"] = TestKeys.SigningKey, [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compose-development-signing-key-change-me-0123456789", "is a development key published in the Sunderfall repository")]
    [InlineData("integration-tests-signing-key-0123456789-abcdefghij", "is a development key published in the Sunderfall repository")]
    [InlineData("my-signing-key-CHANGEME-0123456789abcdefghijklmnop", "contains the placeholder word 'changeme'")]
    [InlineData("abababababababababababababababababababab", "has 2 distinct characters, under the 10 required")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef", "is a pattern of 16 characters repeated")]
    public async Task HostStart_OutsideDevelopmentWithAKnownOrWeakSigningKey_FailsNamingTheSetting(string key, string expected)
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Auth:SigningKey"] = key }, Environments.Production);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Auth:SigningKey " + expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("SUNDERFALL_Auth__SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_InDevelopmentWithThePublishedComposeKey_Starts()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Auth:SigningKey"] = "compose-development-signing-key-change-me-0123456789" }, Environments.Development);

        await host.StartAsync();
        await host.StopAsync();

        Assert.NotNull(host.Services.GetRequiredService<TokenService>());
    }

    [Fact]
    public async Task HostStart_OutsideDevelopmentWithARandomKey_Starts()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Auth:SigningKey"] = TestKeys.NewKey() }, Environments.Production);

        await host.StartAsync();
        await host.StopAsync();

        Assert.NotNull(host.Services.GetRequiredService<TokenService>());
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, string environment = "Production")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSunderfallTokens();
        return builder.Build();
    }
}
