namespace Anju.Host.Identity;

/// <summary>Anju:Login: limits of POST /api/auth/login (docs/security.md).</summary>
public sealed class LoginOptions
{
    public const string Section = "Anju:Login";

    /// <summary>Sign-in attempts per client address (an IPv6 client by its /64) and minute, whatever the account.</summary>
    public int PerClientPerMinute { get; set; } = 20;

    /// <summary>Sign-in attempts per account name (normalised) and minute, whatever the client.</summary>
    public int PerAccountPerMinute { get; set; } = 10;

    /// <summary>The largest login body accepted; a larger one is 413 before it is read further.</summary>
    public int MaxBodyBytes { get; set; } = 4096;
}
