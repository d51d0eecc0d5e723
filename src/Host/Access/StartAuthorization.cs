using System.Text.Json.Nodes;
using System.Text.Json;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Anju.Workflows.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Access;

/// <summary>
/// Who may start a procedure through the API, and with what. The definition says it, as Camunda 7 does:
/// <c>camunda:candidateStarterGroups</c> (roles, or <c>dept:&lt;id&gt;</c>) and <c>camunda:candidateStarterUsers</c> on the
/// process. A definition that names nobody is started by administrators only (and by its own timers, messages and
/// calls, which are not API starts). When the none start event has a start form (<c>camunda:formData</c>), the form
/// is the whole list of start variables: others are refused, each value is checked as the field's type and constraints.
/// A start-form field with the property <c>onBehalfOf</c> names a person (complainant, reporter): it may name someone
/// other than the caller only for the roles listed there (staff filing for a caller), and the journal's
/// InstanceStarted entry then records who filed for whom. A field that also has the property <c>caller</c> describes
/// a caller without an account (name, phone, channel): only those roles may give it at all.
/// </summary>
public static class StartAuthorization
{
    /// <summary>The form-field property that marks a field naming a person; its value lists the roles that may file for others.</summary>
    public const string OnBehalfOfProperty = "onBehalfOf";

    /// <summary>
    /// The form-field property that marks an <c>onBehalfOf</c> field as describing a caller without an account (a 12345
    /// hotline caller's name, phone, channel): only the listed roles may give it, even a value equal to their own name.
    /// </summary>
    public const string CallerProperty = "caller";

    /// <summary>Whether <paramref name="user"/> may start <paramref name="process"/> through the API.</summary>
    public static bool MayStart(CurrentUser user, ProcessDefinition process) =>
        user.IsAdmin
        || process.CandidateStarterUsers.Contains(user.Username, StringComparer.Ordinal)
        || process.CandidateStarterGroups.Any(g => user.Groups.Contains(g, StringComparer.Ordinal));

    /// <summary>
    /// Checks a start inside the engine command (the version being started). Throws <see cref="StartRefused"/> with the
    /// answer when the start is refused; returns what the journal should add to InstanceStarted (or null).
    /// </summary>
    public static JsonObject? Check(HttpContext context, CurrentUser user, ProcessDefinition process, StartEvent start, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        if (!MayStart(user, process))
        {
            throw new StartRefused(Problem.Of(context, StatusCodes.Status403Forbidden, "start.forbidden", process.Name ?? process.Key));
        }

        if (start.FormFields.IsDefaultOrEmpty)
        {
            return null;
        }

        var errors = FormValidator.Validate(start.FormFields, EmptyDefaults, variables);
        foreach (var list in errors.Values)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Code == "field.undeclared")
                {
                    list[i] = new FormValidator.FieldError("field.undeclaredStart");
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new StartRefused(new FieldErrors(errors).ToProblem(context));
        }

        JsonObject? onBehalf = null;
        foreach (var field in start.FormFields.Where(f => f.Properties.ContainsKey(OnBehalfOfProperty)))
        {
            // A caller field (name, phone, channel of a caller without an account) is staff-only whatever its value;
            // a person field may name the caller himself.
            var caller = field.Properties.ContainsKey(CallerProperty);
            if (variables.GetValueOrDefault(field.Id) is not JsonValue named || named.GetValueKind() != JsonValueKind.String
                || named.GetValue<string>().Trim() is not { Length: > 0 } person || (!caller && person == user.Username))
            {
                continue;
            }

            var allowed = field.Properties[OnBehalfOfProperty].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!user.IsAdmin && !allowed.Any(user.HasRole))
            {
                throw new StartRefused(Problem.Of(context, StatusCodes.Status403Forbidden, "start.onBehalfForbidden", field.Label ?? field.Id));
            }

            onBehalf ??= [];
            onBehalf[field.Id] = person;
        }

        return onBehalf is null ? null : new JsonObject
        {
            ["filedOnBehalf"] = onBehalf,
            ["filedBy"] = user.Username,
            ["filedByRoles"] = new JsonArray([.. user.Roles.Select(r => (JsonNode)JsonValue.Create(r))]),
        };
    }

    private static readonly IReadOnlyDictionary<string, JsonNode?> EmptyDefaults = new Dictionary<string, JsonNode?>();
}

/// <summary>The start was refused by the check inside the engine command, which is abandoned; this is the answer.</summary>
internal sealed class StartRefused(ProblemHttpResult problem) : Exception("The start was refused.")
{
    public ProblemHttpResult Problem { get; } = problem;
}
