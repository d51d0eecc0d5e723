using System.Xml.Linq;

namespace Anju.Workflows.Parsing;

/// <summary>
/// BPMN's own human task assignment, read as Camunda 7 reads it (user guide, "User Task" → "User Assignment"):
/// <c>humanPerformer</c> names the assignee; <c>potentialOwner</c> lists candidates, each <c>user(x)</c>,
/// <c>group(y)</c> or a plain name, which Camunda takes as a group. Both carry the value in
/// <c>resourceAssignmentExpression/formalExpression</c>; the entries may be expressions (<c>${boss}</c>).
/// </summary>
internal static class HumanRoles
{
    public sealed record Roles(string? Performer, IReadOnlyList<string> Users, IReadOnlyList<string> Groups);

    public static Roles Read(XElement task, string id, ReadContext context)
    {
        string? performer = null;
        var users = new List<string>();
        var groups = new List<string>();
        foreach (var role in task.BpmnChildren())
        {
            switch (role.Name.LocalName)
            {
                case "humanPerformer":
                    if (performer is not null)
                    {
                        context.Report(role, id, $"userTask '{id}' has more than one humanPerformer; a task has one assignee",
                            Deployment.ProblemCodes.HumanPerformerDuplicate, ReadContext.Label(task));
                        break;
                    }

                    performer = FormalExpression(task, role, id, context);
                    break;
                case "potentialOwner":
                    if (FormalExpression(task, role, id, context) is { } list)
                    {
                        foreach (var entry in Split(list))
                        {
                            if (Prefixed(entry, "user") is { } user)
                            {
                                users.Add(user);
                            }
                            else
                            {
                                groups.Add(Prefixed(entry, "group") ?? entry);
                            }
                        }
                    }

                    break;
                case "performer":
                    context.Warn(role, id, $"performer has no effect on userTask '{id}' (Camunda 7 reads humanPerformer and potentialOwner only); it is deployed without it", $"userTask '{id}'", "performer");
                    break;
            }
        }

        return new Roles(performer, users, groups);
    }

    /// <summary>The role's list and the camunda attribute's list as one comma list (null when both are empty).</summary>
    public static string? Join(IReadOnlyList<string> fromRoles, string? fromAttribute)
    {
        var all = fromRoles.ToList();
        if (!string.IsNullOrWhiteSpace(fromAttribute))
        {
            all.Add(fromAttribute.Trim());
        }

        return all.Count == 0 ? null : string.Join(",", all);
    }

    private static string? FormalExpression(XElement task, XElement role, string id, ReadContext context)
    {
        var text = role.BpmnChild("resourceAssignmentExpression")?.BpmnChild("formalExpression")?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            // A resourceRef alone names an organisational model the engine has not got.
            context.Report(role, id, $"{role.Name.LocalName} of userTask '{id}' has no resourceAssignmentExpression/formalExpression (user(x), group(y) or a name); a resourceRef alone is not supported",
                Deployment.ProblemCodes.HumanRoleExpressionMissing, ReadContext.Label(task), role.Name.LocalName);
            return null;
        }

        return text;
    }

    /// <summary>"user(kermit)" → "kermit" for prefix "user"; null when the entry has another form.</summary>
    private static string? Prefixed(string entry, string prefix) =>
        entry.StartsWith(prefix + "(", StringComparison.Ordinal) && entry.EndsWith(')')
            ? entry[(prefix.Length + 1)..^1].Trim()
            : null;

    /// <summary>Splits a comma list, keeping commas inside <c>${...}</c>, <c>#{...}</c> and parentheses.</summary>
    private static IEnumerable<string> Split(string list)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '{' or '(':
                    depth++;
                    break;
                case '}' or ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ',' when depth == 0:
                    if (list[start..i].Trim() is { Length: > 0 } entry)
                    {
                        yield return entry;
                    }

                    start = i + 1;
                    break;
            }
        }

        if (list[start..].Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }
}
