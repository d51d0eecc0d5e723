using System.Text.RegularExpressions;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Validation;
using Anju.Host.Reference;
using Microsoft.AspNetCore.Identity;
using Anju.Host.Requests;

namespace Anju.Host.Features.Users;

/// <summary>
/// Checks of the user form's fields, collected per field (camelCase names, localized messages) so that one
/// answer lists everything to correct.
/// </summary>
public sealed partial class UserFields(HttpContext context)
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>The errors found so far, in the Host's one collector.</summary>
    private readonly FieldErrors _errors = new();

    public bool HasErrors => _errors.Any;

    public void Add(string field, string code, params object?[] args) => _errors.Add(field, code, args);

    public void Username(string? username)
    {
        if (string.IsNullOrEmpty(username))
        {
            Add("username", "field.required");
        }
        else if (!UsernamePattern().IsMatch(username))
        {
            Add("username", "field.username");
        }
    }

    public void DisplayName(string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            Add("displayName", "field.required");
        }
        else if (displayName.Trim().Length > DisplayNameMaxLength)
        {
            Add("displayName", "field.maxlength", DisplayNameMaxLength);
        }
    }

    /// <summary>Known roles only (<see cref="Roles.All"/>); the distinct list, or null when a role is unknown.</summary>
    public IReadOnlyList<string>? Roles(IReadOnlyList<string?>? roles)
    {
        var result = new List<string>();
        foreach (var role in roles ?? [])
        {
            if (role is null || !Identity.Roles.All.Contains(role))
            {
                Add("roles", "field.role.unknown", role);
            }
            else if (!result.Contains(role))
            {
                result.Add(role);
            }
        }

        return _errors.Has("roles") ? null : result;
    }

    /// <summary>At least one node, each an id or a path the directory knows; the distinct paths, or null on an error.</summary>
    public IReadOnlyList<string>? Jurisdictions(IReadOnlyList<string?>? jurisdictions, JurisdictionDirectory directory)
    {
        if (jurisdictions is null || jurisdictions.Count == 0)
        {
            Add("jurisdictions", "field.jurisdiction.required");
            return null;
        }

        var result = new List<string>();
        foreach (var value in jurisdictions)
        {
            var path = directory.Resolve(value);
            if (path is null)
            {
                Add("jurisdictions", "unknownJurisdiction", value);
            }
            else if (!result.Contains(path))
            {
                result.Add(path);
            }
        }

        return _errors.Has("jurisdictions") ? null : result;
    }

    /// <summary>
    /// A department officer's department (org.json id, <c>dept:&lt;id&gt;</c> group): it must exist and the account must
    /// have the role department. Returns the id, "" to clear, or null when invalid.
    /// </summary>
    public async Task<string?> Department(string? departmentId, IReadOnlyList<string> roles, HostDbContext db)
    {
        var id = departmentId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return "";
        }

        if (!roles.Contains(Identity.Roles.Department))
        {
            Add("departmentId", "field.department.roleRequired");
            return null;
        }

        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Departments, d => d.Id == id))
        {
            Add("departmentId", "field.department.unknown", id);
            return null;
        }

        return id;
    }

    /// <summary>Identity's password rules (Identity/IdentitySetup.cs), with our own localized messages.</summary>
    public async Task Password(string? password, UserManager<AnjuUser> users, AnjuUser user)
    {
        if (string.IsNullOrEmpty(password))
        {
            Add("password", "field.required");
            return;
        }

        var maxLength = RequestLimits.From(context).MaxPasswordLength;
        if (password.Length > maxLength)
        {
            Add("password", "field.maxlength", maxLength);
            return;
        }

        var rules = users.Options.Password;
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            foreach (var error in result.Errors)
            {
                switch (error.Code)
                {
                    case nameof(IdentityErrorDescriber.PasswordTooShort): Add("password", "field.password.tooShort", rules.RequiredLength); break;
                    case nameof(IdentityErrorDescriber.PasswordRequiresDigit): Add("password", "field.password.digit"); break;
                    case nameof(IdentityErrorDescriber.PasswordRequiresLower): Add("password", "field.password.lower"); break;
                    case nameof(IdentityErrorDescriber.PasswordRequiresUpper): Add("password", "field.password.upper"); break;
                    case nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric): Add("password", "field.password.symbol"); break;
                    case nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars): Add("password", "field.password.uniqueChars", rules.RequiredUniqueChars); break;
                    case PasswordPolicy.CommonCode: Add("password", "field.password.common"); break;
                    case PasswordPolicy.ContainsUsernameCode: Add("password", "field.password.containsUsername"); break;
                    default: Add("password", "field.password.invalid"); break;
                }
            }
        }
    }

    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem() => _errors.ToProblem(context);

    [GeneratedRegex("^[a-z0-9._-]{3,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
