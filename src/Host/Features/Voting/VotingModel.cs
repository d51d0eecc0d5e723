using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>The voting tables in the Host's model: owners' register, ballots, electors, votes, confirmations, audit reads.</summary>
public sealed class VotingModel : IHostModel
{
    public void Configure(ModelBuilder builder)
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
            e.Property(x => x.OwnerKind).HasMaxLength(20).HasDefaultValue(OwnerKinds.Account);
            e.Property(x => x.OwnerName).HasMaxLength(100);
            e.Property(x => x.OwnerPhone).HasMaxLength(30);
            e.Property(x => x.OwnerIdTail).HasMaxLength(6);
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
            e.Property(x => x.Kind).HasMaxLength(20).HasDefaultValue(OwnerKinds.Account);
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasOne<Ballot>().WithMany().HasForeignKey(x => x.BallotId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BallotVote>(e =>
        {
            e.ToTable("host_ballot_votes");
            e.HasKey(x => x.Id);

            // The database refuses a second ballot paper by the same owner, whatever races the API loses.
            e.HasIndex(x => new { x.BallotId, x.Owner }).IsUnique();
            e.Property(x => x.Channel).HasMaxLength(20).HasDefaultValue(VoteChannels.Online);
            e.Property(x => x.EnteredBy).HasMaxLength(256);
            e.Property(x => x.ProxyName).HasMaxLength(100);
            e.HasOne<Ballot>().WithMany().HasForeignKey(x => x.BallotId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RegisterConfirmation>(e =>
        {
            e.ToTable("host_register_confirmations");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.CompoundPath, x.ConfirmedAt });
            e.Property(x => x.Tolerance).HasPrecision(6, 4);
            e.Property(x => x.RegisterArea).HasPrecision(14, 2);
            e.Property(x => x.RegisteredArea).HasPrecision(14, 2);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.ConfirmedBy).HasMaxLength(256);
        });
        builder.Entity<BallotAuditRead>(e =>
        {
            e.ToTable("host_ballot_audit_reads");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.BallotId);
        });
    }
}
