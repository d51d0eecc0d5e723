using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Anju.Host.Requests;

namespace Anju.Host.Features.Repair;

/// <summary>
/// POST /api/instances/{id}/modify (administrators): process instance modification — cancel the tokens at an
/// activity and/or start before or after another one, with variables, in one command (all or nothing). Journaled
/// as InstanceModified with the instructions, the actor and the reason. Answers the instance view.
/// </summary>
public static class ModifyInstance
{
    public sealed record Instruction(string? Type, string? ActivityId, JsonNode? Variables);

    public sealed record Request(IReadOnlyList<Instruction>? Instructions, string? Reason);

    public static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpContext context, WorkflowEngine engine, WorkflowStorage storage, CancellationToken cancellationToken)
    {
        var reason = RepairReason.Read(context, request.Reason, out var problem);
        if (problem is not null)
        {
            return problem;
        }

        var limits = RequestLimits.From(context);
        if (request.Instructions is not { Count: > 0 } given)
        {
            return FieldErrors.One(context, "instructions", "field.required");
        }

        if (given.Count > limits.MaxModificationInstructions)
        {
            return FieldErrors.One(context, "instructions", "repair.tooMany", limits.MaxModificationInstructions);
        }

        var instructions = new List<ModificationInstruction>(given.Count);
        for (var i = 0; i < given.Count; i++)
        {
            var (type, activityId, variables) = (given[i]?.Type, given[i]?.ActivityId?.Trim(), given[i]?.Variables);
            ModificationType? kind = type switch
            {
                "cancel" => ModificationType.Cancel,
                "startBefore" => ModificationType.StartBefore,
                "startAfter" => ModificationType.StartAfter,
                _ => null,
            };
            if (kind is null)
            {
                return FieldErrors.One(context, $"instructions[{i}].type", "repair.instructionType");
            }

            if (string.IsNullOrEmpty(activityId) || activityId.Length > limits.MaxNameLength)
            {
                return string.IsNullOrEmpty(activityId)
                    ? FieldErrors.One(context, $"instructions[{i}].activityId", "field.required")
                    : FieldErrors.One(context, $"instructions[{i}].activityId", "field.maxlength", limits.MaxNameLength);
            }

            if (!RequestVariables.TryRead(context, variables, out var values, out var badVariables))
            {
                return badVariables!;
            }

            instructions.Add(new ModificationInstruction(kind.Value, activityId, kind == ModificationType.Cancel ? null : values));
        }

        if (await StatusAsync(storage, id, cancellationToken) is { } refused)
        {
            return refused == "notFound" ? Problem.NotFound(context) : Problem.Of(context, StatusCodes.Status409Conflict, refused);
        }

        try
        {
            var view = await engine.ModifyAsync(id, instructions, reason!, CurrentUser.From(context).Username, cancellationToken);
            return TypedResults.Ok(view);
        }
        catch (WorkflowException error) when (error.Kind == WorkflowErrorKind.InvalidArgument)
        {
            return Problem.Of(context, StatusCodes.Status400BadRequest, "repair.modifyRefused", error.ElementId, error.Message);
        }
        catch (WorkflowException error)
        {
            return Problem.From(context, error);
        }
    }

    /// <summary>Null when the instance is active; else the problem code (notFound, repair.instanceNotActive).</summary>
    internal static async Task<string?> StatusAsync(WorkflowStorage storage, Guid id, CancellationToken cancellationToken)
    {
        await using var db = storage.CreateContext();
        var status = await db.Instances.AsNoTracking().Where(i => i.Id == id).Select(i => i.Status).FirstOrDefaultAsync(cancellationToken);
        return status switch
        {
            null => "notFound",
            "active" => null,
            _ => "repair.instanceNotActive",
        };
    }
}
