using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Jobs;

/// <summary>POST /api/jobs/{id}/execute (administrators): runs a job now, e.g. fires a timer without waiting for it.</summary>
public static class ExecuteJob
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken) =>
        await engine.ExecuteJobAsync(id, CurrentUser.From(context).Username, cancellationToken)
            ? TypedResults.NoContent()
            : Problem.NotFound(context);
}
