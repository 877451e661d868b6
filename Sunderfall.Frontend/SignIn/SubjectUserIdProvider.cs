using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace Sunderfall.Frontend.SignIn;

/// <summary>SignalR's user id is the account id: the access token's subject.</summary>
internal sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) =>
        connection?.User.FindFirstValue("sub") ?? connection?.User.FindFirstValue(ClaimTypes.NameIdentifier);
}
