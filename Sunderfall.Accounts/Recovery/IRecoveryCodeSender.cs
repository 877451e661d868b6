using Sunderfall.Accounts.Accounts;

namespace Sunderfall.Accounts.Recovery;

/// <summary>
/// Delivers an account-recovery code to the account's owner (e-mail, SMS, ...). Register one before or after
/// AddSunderfallAccounts to replace the development sender, which only writes codes to the log.
/// </summary>
public interface IRecoveryCodeSender
{
    /// <summary>Sends the code to the account's owner. Never log the code outside a development sender.</summary>
    Task SendAsync(AccountInfo account, string code, CancellationToken cancellationToken);
}
