using Anju.Host.Features.Assessments;
using Anju.Host.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Assessments;

/// <summary>GET /api/credit-records?firm=: property firms' credit records (§15), newest first; housing bureau and admin.</summary>
public static class ListCreditRecords
{
    public static async Task<Ok<IReadOnlyList<CreditRecord>>> Handle(HostDbContext db, CancellationToken cancellationToken, string? firm = null)
    {
        var rows = db.Set<CreditRecord>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(firm))
        {
            rows = rows.Where(c => c.Firm == firm);
        }

        IReadOnlyList<CreditRecord> list = await rows.OrderByDescending(c => c.RecordedAt).ThenBy(c => c.Firm).Take(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(list);
    }
}
