using Anju.Host.Features.Assessments;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Assessments;

/// <summary>
/// GET /api/assessments/{quarter}/scores?compound=: the score rows (inputs, weights used, complaints,
/// deduction, adjustment with reason and who, composite) of the compounds in the caller's jurisdiction —
/// supervisors (street office, community, housing bureau, admin) and firms for their own compounds. A compound
/// out of reach is 404.
/// </summary>
public static class GetAssessmentScores
{
    public static async Task<Results<Ok<IReadOnlyList<AssessmentScore>>, ProblemHttpResult>> Handle(
        HttpContext context, HostDbContext db, string quarter, CancellationToken cancellationToken, string? compound = null)
    {
        if (!Quarter.TryParse(quarter, out var parsed))
        {
            return Problem.BadRequest(context, "quarter: 2026Q2");
        }

        var user = CurrentUser.From(context);
        if (compound is not null && !user.Reaches(compound))
        {
            return Problem.NotFound(context);
        }

        var key = parsed.ToString();
        var rows = db.Set<AssessmentScore>().AsNoTracking().Where(s => s.Quarter == key);
        if (compound is not null)
        {
            rows = rows.Where(s => s.CompoundPath == compound);
        }
        else if (!user.IsAdmin)
        {
            rows = rows.Within(s => s.CompoundPath, user.Jurisdictions);
        }

        IReadOnlyList<AssessmentScore> list = await rows.OrderBy(s => s.CompoundPath).ToListAsync(cancellationToken);
        return compound is not null && list.Count == 0 ? Problem.NotFound(context) : TypedResults.Ok(list);
    }
}
