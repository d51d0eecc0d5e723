using Anju.Host.Assessment;
using Anju.Host.Notifications;
using Anju.Host.Registry;
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
    public DbSet<Compound> Compounds => Set<Compound>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<ViolationCategory> ViolationCategories => Set<ViolationCategory>();
    public DbSet<RegistryChange> RegistryChanges => Set<RegistryChange>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<PublicNotice> PublicNotices => Set<PublicNotice>();
    public DbSet<AssessmentScore> AssessmentScores => Set<AssessmentScore>();
    public DbSet<AssessmentListEntry> AssessmentListEntries => Set<AssessmentListEntry>();
    public DbSet<CreditRecord> CreditRecords => Set<CreditRecord>();
    public DbSet<Watermark> Watermarks => Set<Watermark>();
    public DbSet<OwnedUnit> Units => Set<OwnedUnit>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<BallotElector> BallotElectors => Set<BallotElector>();
    public DbSet<BallotVote> BallotVotes => Set<BallotVote>();
    public DbSet<BallotAuditRead> BallotAuditReads => Set<BallotAuditRead>();
    public DbSet<RegisterConfirmation> RegisterConfirmations => Set<RegisterConfirmation>();
    public DbSet<Features.Definitions.DefinitionFileIgnore> DefinitionFileIgnores => Set<Features.Definitions.DefinitionFileIgnore>();
    public DbSet<Features.Calendar.CalendarYear> CalendarYears => Set<Features.Calendar.CalendarYear>();

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
        builder.Entity<Features.Calendar.CalendarYear>(e =>
        {
            e.ToTable("host_calendar_years");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).ValueGeneratedNever();
            e.Property(x => x.Holidays).HasMaxLength(4100);
            e.Property(x => x.Workdays).HasMaxLength(4100);
            e.Property(x => x.Notice).HasMaxLength(Features.Calendar.CalendarEndpoints.MaxNoticeLength);
            e.Property(x => x.ChangedBy).HasMaxLength(256);
        });
        builder.Entity<Compound>(e =>
        {
            e.ToTable("host_compounds");
            e.HasKey(x => x.Path);
            e.Property(x => x.FloorArea).HasPrecision(14, 2);
            e.Property(x => x.DeliveredShare).HasPrecision(5, 4);
            e.HasIndex(x => x.CommunityPath);
            e.HasIndex(x => x.StreetPath);
        });
        builder.Entity<Department>(e =>
        {
            e.ToTable("host_departments");
            e.HasKey(x => x.Id);
        });
        builder.Entity<ViolationCategory>(e =>
        {
            e.ToTable("host_violation_categories");
            e.HasKey(x => x.Id);
        });
        builder.Entity<RegistryChange>(e =>
        {
            e.ToTable("host_registry_changes");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Entity, x.Key });
        });
        builder.Entity<Notification>(e =>
        {
            e.ToTable("host_notifications");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Username, x.CreatedAt });

            // One new-task notice per user and task, however many watchers run (TaskId is null otherwise).
            e.HasIndex(x => new { x.Username, x.TaskId, x.Kind }).IsUnique();
            e.HasIndex(x => new { x.DeliveredAt, x.NextDeliveryAt });
            e.Property(x => x.DeliveryOwner).HasMaxLength(200);
            e.Property(x => x.DeliveryError).HasMaxLength(1000);
        });
        builder.Entity<Watermark>(e =>
        {
            e.ToTable("host_watermarks");
            e.HasKey(x => x.Name);
        });
        builder.Entity<PublicNotice>(e =>
        {
            e.ToTable("host_public_notices");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Jurisdiction);
            e.HasIndex(x => x.InstanceId);
        });
        ConfigureAssessment(builder);
        VotingModel.Configure(builder);
        builder.Entity<Features.Definitions.DefinitionFileIgnore>(e =>
        {
            e.ToTable("host_definition_file_ignores");
            e.HasKey(x => new { x.Key, x.ContentHash });
            e.Property(x => x.Key).HasMaxLength(255);
            e.Property(x => x.ContentHash).HasMaxLength(64);
            e.Property(x => x.IgnoredBy).HasMaxLength(256);
        });
    }

    /// <summary>Quarterly assessment (红黑榜): scores, published lists, credit records.</summary>
    private static void ConfigureAssessment(ModelBuilder builder)
    {
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

public sealed class SqliteHostDbContext(DbContextOptions<SqliteHostDbContext> options) : HostDbContext(options);

public sealed class PostgresHostDbContext(DbContextOptions<PostgresHostDbContext> options) : HostDbContext(options);
