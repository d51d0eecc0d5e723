using Anju.Host.Access;
using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Notices;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Anju.Host.Requests;

namespace Anju.Host.Features.Instances;

/// <summary>
/// POST /api/definitions/{key}/instances: a user whom the definition names as a starter (see
/// <see cref="StartAuthorization"/>) starts it in a jurisdiction they reach (an owner files a complaint about their own
/// compound); administrators anything anywhere. Without a jurisdiction the caller's first one is used. A refused start
/// (403, or 400 for the start form) creates nothing. A start whose new instance stops at an incident at once is still
/// 201, with status "incident" and an <c>incident</c> member telling the filer it did not go through (administrators
/// are notified). Every start of a procedure with a case number prefix gets its case number (受理编号, <c>caseNumber</c>,
/// e.g. <c>TS-2026-000123</c>, see <see cref="Workflows.Persistence.CaseNumbers"/>) in the answer, which the filer
/// gives to the person the case is for (a 12345 caller); the business key is the caller's own, if any.
/// </summary>
public static class StartInstance
{
    public sealed record Request(string? BusinessKey, string? Jurisdiction, JsonNode? Variables, int? Version);

    public static async Task<Results<Created<InstanceView>, ProblemHttpResult>> Handle(
        string key, Request request, HttpContext context, WorkflowEngine engine, JurisdictionDirectory directory, Telemetry.AnjuMetrics metrics, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        if (!RequestVariables.TryRead(context, request.Variables, out var variables, out var problem))
        {
            return problem!;
        }

        if (TextBounds.BusinessKey(context, request.BusinessKey) is { } tooLong)
        {
            return tooLong;
        }

        string? jurisdiction;
        if (string.IsNullOrWhiteSpace(request.Jurisdiction))
        {
            jurisdiction = user.Jurisdictions.Count > 0 ? user.Jurisdictions[0] : null;
        }
        else
        {
            jurisdiction = directory.Resolve(request.Jurisdiction);
            if (jurisdiction is null)
            {
                return Problem.Of(context, StatusCodes.Status400BadRequest, "unknownJurisdiction", request.Jurisdiction);
            }

            if (!user.Reaches(jurisdiction))
            {
                return Problem.Of(context, StatusCodes.Status400BadRequest, "jurisdictionOutOfReach", jurisdiction);
            }
        }

        var submitted = variables ?? new Dictionary<string, JsonNode?>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var instanceId = Idempotency.KeyOf(context) is { } idempotencyKey ? InstanceIdFor(user.Username, idempotencyKey) : Guid.CreateVersion7(now);
        var businessKey = string.IsNullOrWhiteSpace(request.BusinessKey) ? null : request.BusinessKey;
        Workflows.InstanceView instance;
        try
        {
            instance = await engine.StartAsync(new Workflows.StartInstance
            {
                DefinitionKey = key,
                Version = request.Version,
                BusinessKey = businessKey,
                Jurisdiction = jurisdiction,
                Variables = variables,
                Actor = user.Username,
                InstanceId = instanceId,
                Authorize = (definition, start) => StartAuthorization.Check(context, user, definition.Process, start, submitted),
            }, cancellationToken);
        }
        catch (StartRefused refused)
        {
            return refused.Problem;
        }

        metrics.Record(instance, started: true);
        instance = await IncidentText.RenderAsync(context, engine, instance, cancellationToken);
        if (instance.Incidents.Count > 0)
        {
            instance = await TellAboutIncidentAsync(context, engine, instance, user.Username, cancellationToken);
        }

        return TypedResults.Created($"/api/instances/{instance.Id}", instance);
    }

    /// <summary>
    /// The new instance stopped at an incident at once: the filing did not go through. The answer says so (still
    /// 201: the instance exists, and an administrator can repair it) and every administrator is notified.
    /// </summary>
    private static async Task<Workflows.InstanceView> TellAboutIncidentAsync(
        HttpContext context, WorkflowEngine engine, Workflows.InstanceView instance, string startedBy, CancellationToken cancellationToken)
    {
        var incident = instance.Incidents[0];
        var services = context.RequestServices;
        var definition = await engine.Definitions.GetAsync(Workflows.Execution.CompiledDefinition.MakeId(instance.DefinitionKey, instance.DefinitionVersion), cancellationToken);
        var forAdministrators = IncidentText.Render(english: false, incident.Type, incident.ActivityId, incident.ElementName, incident.Message);
        try
        {
            await IncidentAlerts.NotifyStartIncidentAsync(
                services.GetRequiredService<HostDbContext>(), services.GetRequiredService<TimeProvider>(), instance, definition.Process.Name, startedBy, forAdministrators, cancellationToken);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // The instance is committed and its incident is listed in the monitor: the filer still gets the answer.
        }
        return instance with
        {
            Incident = new Workflows.IncidentNotice("startIncident", Messages.Text(context, "startIncident"), incident.ActivityId),
        };
    }

    /// <summary>
    /// The id of the instance an idempotent start creates: derived from the user and the key, so that a retry after the
    /// first request's process died finds the instance if it was committed (<see cref="Recovery"/>).
    /// </summary>
    public static Guid InstanceIdFor(string user, string key)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("anju-start\n" + user + "\n" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8 (custom), RFC 9562
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>A retried start whose first request died: the instance is there (201 with it) or it is not (null: start it).</summary>
    public sealed class Recovery : IIdempotentRecovery
    {
        public async ValueTask<IResult?> RecoverAsync(EndpointFilterInvocationContext context, string key)
        {
            var http = context.HttpContext;
            var engine = http.RequestServices.GetRequiredService<WorkflowEngine>();
            var id = InstanceIdFor(CurrentUser.From(http).Username, key);
            if (await engine.GetInstanceAsync(id, http.RequestAborted) is not { } instance)
            {
                return null;
            }

            // Answered as the first request would have been; its notification was its own to send.
            instance = await IncidentText.RenderAsync(http, engine, instance, http.RequestAborted);
            if (instance.Incidents.Count > 0)
            {
                instance = instance with { Incident = new Workflows.IncidentNotice("startIncident", Messages.Text(http, "startIncident"), instance.Incidents[0].ActivityId) };
            }

            return TypedResults.Created($"/api/instances/{instance.Id}", instance);
        }
    }
}
