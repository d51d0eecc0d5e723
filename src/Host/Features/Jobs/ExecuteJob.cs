using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Anju.Host.Requests;

namespace Anju.Host.Features.Jobs;

/// <summary>
/// POST /api/jobs/{id}/execute (administrators): runs a job now, e.g. fires a timer without waiting for it. The
/// console asks for a reason (<c>{ "reason": "…" }</c>, at most <see cref="RequestLimits.MaxReasonLength"/>
/// characters), journaled with the administrator's name as <c>JobExecutedNow</c>; without a body the job runs
/// unjournaled as before (scripts, tests).
/// </summary>
public static class ExecuteJob
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var (hasBody, given, invalid) = await RepairReason.ReadBodyAsync(context, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        string? reason = null;
        if (hasBody)
        {
            reason = RepairReason.Read(context, given, out var problem);
            if (problem is not null)
            {
                return problem;
            }
        }

        return await engine.ExecuteJobAsync(id, CurrentUser.From(context).Username, reason, cancellationToken)
            ? TypedResults.NoContent()
            : Problem.NotFound(context);
    }
}
