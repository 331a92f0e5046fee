namespace Tradeguard.Identity.Accounts;

/// <summary>An action that needs a permission; checked with <see cref="Authorizer.IsAllowed"/> everywhere (CLI, Telegram, web).</summary>
public enum Permission
{
    /// <summary>Read status (viewer and up).</summary>
    ViewStatus = 1,

    /// <summary>Pause a running strategy (trader and up).</summary>
    PauseStrategy = 2,

    /// <summary>Resume a paused strategy (trader and up).</summary>
    ResumeStrategy = 3,

    /// <summary>Stop a strategy (admin).</summary>
    StopStrategy = 4,

    /// <summary>Close open positions (admin).</summary>
    ClosePositions = 5,

    /// <summary>Add, disable, enable users and change roles (admin).</summary>
    ManageUsers = 6,

    /// <summary>Reveal secrets held in the vault (admin).</summary>
    RevealSecrets = 7,
}
