using Anju.Host.Persistence;

namespace Anju.Host.Identity;

/// <summary>An administrator's lock of an account (set by the users' area, checked at sign-in).</summary>
public static class AdministratorLock
{
    /// <summary>The lockout end an administrator's lock sets (sign-in failures lock for minutes only); unlock clears it.</summary>
    public static readonly DateTimeOffset Until = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whether an administrator locked the account (as opposed to a client locked out after failed sign-ins).</summary>
    public static bool IsLockedByAdministrator(AnjuUser user) => user.LockoutEnd is { } end && end >= Until;
}
