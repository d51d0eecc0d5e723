using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Anju.Workflows;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Anju.Host.Requests;

namespace Anju.Host.Features.Repair;

/// <summary>
/// PUT /api/instances/{id}/variables/{name} (administrators): sets one process variable of an active instance to a
/// typed value (string, long, double, boolean, json or null; without a type the JSON value as given), bounded like
/// every variable. Journaled as VariableEdited with the old and new value, the actor and the reason.
/// </summary>
public static class EditVariable
{
    public sealed record Request(JsonNode? Value, string? Type, string? Reason);

    public sealed record Response(string Name, JsonNode? OldValue, JsonNode? NewValue);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Guid id, string name, Request request, HttpContext context, WorkflowEngine engine, WorkflowStorage storage, CancellationToken cancellationToken)
    {
        var reason = RepairReason.Read(context, request.Reason, out var problem);
        if (problem is not null)
        {
            return problem;
        }

        var limits = RequestLimits.From(context);
        if (string.IsNullOrWhiteSpace(name) || name.Length > limits.MaxVariableNameLength)
        {
            return FieldErrors.One(context, "name", "repair.variableName", limits.MaxVariableNameLength);
        }

        if (!TryConvert(request.Value, request.Type, out var value, out var error))
        {
            return FieldErrors.One(context, error.Field, error.Code, request.Type);
        }

        if (VariableBounds.Check(context, new Dictionary<string, JsonNode?> { [name] = value }) is { } tooBig)
        {
            return tooBig;
        }

        if (await ModifyInstance.StatusAsync(storage, id, cancellationToken) is { } refused)
        {
            return refused == "notFound" ? Problem.NotFound(context) : Problem.Of(context, StatusCodes.Status409Conflict, refused);
        }

        var old = await engine.EditVariableAsync(id, name, value, reason!, CurrentUser.From(context).Username, cancellationToken);
        return TypedResults.Ok(new Response(name, old, value?.DeepClone()));
    }

    /// <summary>The value as the named type (a text typed into the editor is parsed); false with the field and code when it is not one.</summary>
    public static bool TryConvert(JsonNode? value, string? type, out JsonNode? converted, out (string Field, string Code) error)
    {
        converted = null;
        error = ("value", "repair.valueNotOfType");
        var kind = value?.GetValueKind();
        var text = kind == JsonValueKind.String ? value!.GetValue<string>() : null;
        switch (type)
        {
            case null or "":
                converted = value?.DeepClone();
                return true;
            case "null":
                return true;
            case "string" when text is not null:
                converted = JsonValue.Create(text);
                return true;
            case "long" when kind == JsonValueKind.Number && value!.AsValue().TryGetValue<long>(out var whole):
                converted = JsonValue.Create(whole);
                return true;
            case "long" when long.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedWhole):
                converted = JsonValue.Create(parsedWhole);
                return true;
            case "double" when kind == JsonValueKind.Number && value!.AsValue().TryGetValue<double>(out var number):
                converted = JsonValue.Create(number);
                return true;
            case "double" when double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsedNumber) && double.IsFinite(parsedNumber):
                converted = JsonValue.Create(parsedNumber);
                return true;
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                converted = JsonValue.Create(kind == JsonValueKind.True);
                return true;
            case "boolean" when text?.Trim() is "true" or "false":
                converted = JsonValue.Create(text.Trim() == "true");
                return true;
            case "json" when text is not null:
                try
                {
                    converted = JsonNode.Parse(text);
                    return true;
                }
                catch (JsonException)
                {
                    return false;
                }

            case "json":
                converted = value?.DeepClone();
                return true;
            case "string" or "long" or "double" or "boolean":
                return false;
            default:
                error = ("type", "repair.variableType");
                return false;
        }
    }
}
