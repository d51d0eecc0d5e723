using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>The voting tables in the Host's model (called from HostDbContext.OnModelCreating).</summary>
public static class VotingModel
{
    public static void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<OwnedUnit>(e =>
        {
            e.ToTable("host_units");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.CompoundPath, x.Number }).IsUnique();
            e.HasIndex(x => x.Owner);
            e.Property(x => x.Number).HasMaxLength(50);
            e.Property(x => x.Owner).HasMaxLength(256);
            e.Property(x => x.Area).HasPrecision(12, 2);
        });
        builder.Entity<Ballot>(e =>
        {
            e.ToTable("host_ballots");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Status, x.ClosesAt });
            e.HasIndex(x => new { x.InstanceId, x.ActivityId });
            e.HasIndex(x => x.CompoundPath);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.EligibleArea).HasPrecision(14, 2);
        });
        builder.Entity<BallotElector>(e =>
        {
            e.ToTable("host_ballot_electors");
            e.HasKey(x => new { x.BallotId, x.Owner });
            e.HasIndex(x => x.Owner);
            e.Property(x => x.Area).HasPrecision(14, 2);
            e.HasOne<Ballot>().WithMany().HasForeignKey(x => x.BallotId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BallotVote>(e =>
        {
            e.ToTable("host_ballot_votes");
            e.HasKey(x => x.Id);

            // The database refuses a second ballot paper by the same owner, whatever races the API loses.
            e.HasIndex(x => new { x.BallotId, x.Owner }).IsUnique();
            e.HasOne<Ballot>().WithMany().HasForeignKey(x => x.BallotId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BallotAuditRead>(e =>
        {
            e.ToTable("host_ballot_audit_reads");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.BallotId);
        });
    }
}
