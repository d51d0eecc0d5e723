using Anju.Host.Features.Voting;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Persistence;

/// <summary>
/// The Host's own tables (identity, jurisdictions, idempotency, comments, attachments, owners' units and ballots), in the same database
/// as the engine's but with their own migrations history.
/// </summary>
public abstract class HostDbContext(DbContextOptions options) : IdentityDbContext<AnjuUser>(options)
{
    public const string HistoryTable = "__host_migrations";

    public DbSet<UserJurisdiction> UserJurisdictions => Set<UserJurisdiction>();
    public DbSet<JurisdictionNode> JurisdictionNodes => Set<JurisdictionNode>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<TaskComment> TaskComments => Set<TaskComment>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<OwnedUnit> Units => Set<OwnedUnit>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<BallotElector> BallotElectors => Set<BallotElector>();
    public DbSet<BallotVote> BallotVotes => Set<BallotVote>();
    public DbSet<BallotAuditRead> BallotAuditReads => Set<BallotAuditRead>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AnjuUser>().Property(u => u.DisplayName).HasMaxLength(100);
        builder.Entity<UserJurisdiction>(e =>
        {
            e.ToTable("host_user_jurisdictions");
            e.HasKey(x => new { x.UserId, x.Path });
            e.HasOne<AnjuUser>().WithMany(u => u.Jurisdictions).HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<JurisdictionNode>(e =>
        {
            e.ToTable("host_jurisdictions");
            e.HasKey(x => x.Path);
            e.HasIndex(x => x.Id);
        });
        builder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("host_idempotency");
            e.HasKey(x => new { x.UserName, x.Key });
        });
        builder.Entity<TaskComment>(e =>
        {
            e.ToTable("host_task_comments");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.TaskId);
            e.HasIndex(x => x.InstanceId);
        });
        builder.Entity<Attachment>(e =>
        {
            e.ToTable("host_attachments");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.InstanceId);
        });
        VotingModel.Configure(builder);
    }
}

public sealed class SqliteHostDbContext(DbContextOptions<SqliteHostDbContext> options) : HostDbContext(options);

public sealed class PostgresHostDbContext(DbContextOptions<PostgresHostDbContext> options) : HostDbContext(options);
