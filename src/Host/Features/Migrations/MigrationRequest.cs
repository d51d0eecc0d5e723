using Anju.Host.Problems;
using Anju.Workflows.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Anju.Host.Validation;
using Anju.Host.Requests;

namespace Anju.Host.Features.Migrations;

/// <summary>The body of a check or a batch: the two versions, instructions beyond the automatic ones, the instances and (batch) the reason.</summary>
public sealed record MigrationRequest(
    string? SourceDefinitionId,
    string? TargetDefinitionId,
    IReadOnlyList<MigrationRequest.Instruction>? Instructions,
    IReadOnlyList<Guid>? InstanceIds,
    string? Reason)
{
    /// <summary>Instances one request may name.</summary>
    public const int MaxInstances = 1_000;

    /// <summary>Instructions one request may give.</summary>
    public const int MaxInstructions = 500;

    /// <summary>Characters of a definition id ("key:version") or an activity id.</summary>
    public const int MaxIdLength = 256;

    public sealed record Instruction(string? SourceActivityId, string? TargetActivityId);

    /// <summary>Null when the request is well-formed and within its bounds, else the 400 naming each field.</summary>
    public ProblemHttpResult? Validate(HttpContext context, bool forBatch)
    {
        var errors = new FieldErrors();
        void Required(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, "field.required");
            }
            else if (value.Length > MaxIdLength)
            {
                errors.Add(field, "field.maxlength", MaxIdLength);
            }
        }

        Required("sourceDefinitionId", SourceDefinitionId);
        Required("targetDefinitionId", TargetDefinitionId);
        if (Instructions is { Count: > MaxInstructions })
        {
            errors.Add("instructions", "migration.tooMany", MaxInstructions);
        }
        else
        {
            for (var i = 0; i < (Instructions?.Count ?? 0); i++)
            {
                Required($"instructions[{i}].sourceActivityId", Instructions![i]?.SourceActivityId);
                Required($"instructions[{i}].targetActivityId", Instructions![i]?.TargetActivityId);
            }
        }

        if (InstanceIds is { Count: > MaxInstances })
        {
            errors.Add("instanceIds", "migration.tooMany", MaxInstances);
        }
        else if (forBatch && InstanceIds is not { Count: > 0 })
        {
            errors.Add("instanceIds", "field.required");
        }

        if (forBatch)
        {
            var maxReason = RequestLimits.From(context).MaxReasonLength;
            if (string.IsNullOrWhiteSpace(Reason))
            {
                errors.Add("reason", "field.required");
            }
            else if (Reason.Length > maxReason)
            {
                errors.Add("reason", "field.maxlength", maxReason);
            }
        }

        return !errors.Any ? null : errors.ToProblem(context);
    }

    public List<MigrationInstruction> EngineInstructions() =>
        [.. (Instructions ?? []).Select(i => new MigrationInstruction(i.SourceActivityId!.Trim(), i.TargetActivityId!.Trim()))];
}
