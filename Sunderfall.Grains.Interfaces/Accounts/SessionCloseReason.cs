namespace Sunderfall.Grains.Interfaces.Accounts;

/// <summary>Why a live game session is being closed.</summary>
public enum SessionCloseReason
{
    /// <summary>The account connected from elsewhere.</summary>
    Replaced = 1,
    /// <summary>A moderator kicked or banned the account.</summary>
    Kicked = 2,
    /// <summary>The sign-in the connection was opened with ended: logged out, or revoked by an account recovery.</summary>
    Ended = 3,
}
