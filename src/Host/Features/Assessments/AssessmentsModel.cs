using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Assessments;

/// <summary>Quarterly assessment (红黑榜) in the Host's model: scores, published lists, credit records.</summary>
public sealed class AssessmentsModel : IHostModel
{
    public void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<AssessmentScore>(e =>
        {
            e.ToTable("host_assessment_scores");
            e.HasKey(x => new { x.Quarter, x.CompoundPath });
            e.Property(x => x.Quarter).HasMaxLength(6);
            e.HasIndex(x => x.CompoundPath);
            foreach (var name in new[]
            {
                nameof(AssessmentScore.OwnersScore), nameof(AssessmentScore.CommitteeScore), nameof(AssessmentScore.CommunityScore),
                nameof(AssessmentScore.StreetScore), nameof(AssessmentScore.BureauScore), nameof(AssessmentScore.WeightedScore),
                nameof(AssessmentScore.PerComplaint), nameof(AssessmentScore.MaxDeduction), nameof(AssessmentScore.ComplaintDeduction),
                nameof(AssessmentScore.Adjustment), nameof(AssessmentScore.CompositeScore),
            })
            {
                e.Property(name).HasPrecision(9, 2);
            }

            foreach (var name in new[]
            {
                nameof(AssessmentScore.OwnersWeight), nameof(AssessmentScore.CommitteeWeight), nameof(AssessmentScore.CommunityWeight),
                nameof(AssessmentScore.StreetWeight), nameof(AssessmentScore.BureauWeight),
            })
            {
                e.Property(name).HasPrecision(9, 6);
            }
        });
        builder.Entity<AssessmentListEntry>(e =>
        {
            e.ToTable("host_assessment_lists");
            e.HasKey(x => new { x.Quarter, x.CompoundPath });
            e.Property(x => x.Quarter).HasMaxLength(6);
            e.Property(x => x.CompositeScore).HasPrecision(9, 2);
            e.HasIndex(x => new { x.Quarter, x.Rank });
        });
        builder.Entity<CreditRecord>(e =>
        {
            e.ToTable("host_credit_records");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Firm, x.Quarter, x.CompoundPath }).IsUnique();
        });
    }
}
