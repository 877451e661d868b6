using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OtpNet;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol.Auth;
using Xunit;

namespace Sunderfall.IntegrationTests.Security;

[Collection(SharedClusterDefinition.Name)]
public sealed class MfaTests(SharedClusterFixture fixture)
{
    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Login_AfterEnrollingAnAuthenticator_NeedsTheCodeAndAcceptsARecoveryCodeOnce()
    {
        var account = await Cluster.RegisterAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        var url = Cluster.Frontend.HttpUrl + "/api/auth";

        using var enrol = await http.PostAsync(url + "/mfa/enrol", null);
        var enrolment = await enrol.Content.ReadFromJsonAsync<MfaEnrolmentResponse>(GameCluster.Json);
        var authenticator = new Totp(Base32Encoding.ToBytes(enrolment!.Secret));
        using var confirm = await http.PostAsJsonAsync(url + "/mfa/confirm", new MfaCodeRequest { Code = authenticator.ComputeTotp() });
        var recovery = await confirm.Content.ReadFromJsonAsync<MfaRecoveryCodesResponse>(GameCluster.Json);

        using var anonymous = new HttpClient();
        using var withoutCode = await anonymous.PostAsJsonAsync(url + "/login", new LoginRequest { Username = account.Username, Password = GameCluster.TestPassword });
        var withoutCodeError = await withoutCode.Content.ReadFromJsonAsync<ApiError>(GameCluster.Json);
        using var withWrongCode = await anonymous.PostAsJsonAsync(url + "/login", new LoginRequest { Username = account.Username, Password = GameCluster.TestPassword, MfaCode = "000000" });
        using var withRecoveryCode = await anonymous.PostAsJsonAsync(url + "/login", new LoginRequest { Username = account.Username, Password = GameCluster.TestPassword, MfaCode = recovery!.RecoveryCodes[0] });
        using var reusedRecoveryCode = await anonymous.PostAsJsonAsync(url + "/login", new LoginRequest { Username = account.Username, Password = GameCluster.TestPassword, MfaCode = recovery.RecoveryCodes[0] });

        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);
        Assert.StartsWith("otpauth://totp/", enrolment.OtpauthUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(10, recovery.RecoveryCodes.Length);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("MfaRequired", withoutCodeError!.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, withWrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withRecoveryCode.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reusedRecoveryCode.StatusCode);
        Assert.True(await GameClient.EventuallyAsync(
            () => GameCluster.AuditActionsAsync(account.AccountId).GetAwaiter().GetResult().Contains("mfa.enabled"), TimeSpan.FromSeconds(15)),
            "enabling MFA was not audited");
    }
}
