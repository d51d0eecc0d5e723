using System.Collections.Frozen;
using Anju.Host.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Identity;

/// <summary>
/// Anju's own password rules, on top of Identity's (length, character classes: IdentitySetup.cs): a password must not
/// contain the user name and must not be on the shipped list of common and leaked passwords
/// (Identity/common-passwords.txt, compared case-insensitively). Every password set through UserManager passes here:
/// creating a user, an administrator's reset, the configured initial admin password. Only the demo accounts'
/// published password bypasses it (Seeding/DemoData.cs, Development only).
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<AnjuUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string ContainsUsernameCode = "PasswordContainsUsername";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AnjuUser> manager, AnjuUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success); // Identity's own validator reports the missing password
        }

        var errors = new List<IdentityError>();
        if (user.UserName is { Length: > 0 } username && password.Contains(username, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = ContainsUsernameCode, Description = "The password must not contain the user name." });
        }

        if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = CommonCode, Description = "This password is too common or known from leaks." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Anju.Host.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded list Identity/common-passwords.txt is missing.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0 && !entry.StartsWith('#'))
            {
                entries.Add(entry);
            }
        }

        return entries.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
