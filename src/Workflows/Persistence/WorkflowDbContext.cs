using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Persistence;

/// <summary>
/// The engine's tables. One subclass per provider carries that provider's migrations
/// (<see cref="SqliteWorkflowDbContext"/>, <see cref="PostgresWorkflowDbContext"/>).
/// </summary>
public abstract class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();
    public DbSet<InstanceRow> Instances => Set<InstanceRow>();
    public DbSet<TaskRow> Tasks => Set<TaskRow>();
    public DbSet<TaskCandidateRow> TaskCandidates => Set<TaskCandidateRow>();
    public DbSet<JobRow> Jobs => Set<JobRow>();
    public DbSet<SubscriptionRow> Subscriptions => Set<SubscriptionRow>();
    public DbSet<ExternalTaskRow> ExternalTasks => Set<ExternalTaskRow>();
    public DbSet<IncidentRow> Incidents => Set<IncidentRow>();
    public DbSet<JournalRow> Journal => Set<JournalRow>();

    public abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<DefinitionRow>(e =>
        {
            e.ToTable("wf_definitions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Key, x.Version }).IsUnique();
            e.Property(x => x.Id).HasMaxLength(300);
            e.Property(x => x.Key).HasMaxLength(255);
            e.Property(x => x.ContentHash).HasMaxLength(64);
        });

        modelBuilder.Entity<InstanceRow>(e =>
        {
            e.ToTable("wf_instances");
            e.HasKey(x => x.Id);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.Property(x => x.Status).HasMaxLength(20);
            e.HasIndex(x => new { x.DefinitionKey, x.Status });
            e.HasIndex(x => x.BusinessKey);
            e.HasIndex(x => x.Jurisdiction);
            e.HasIndex(x => x.ParentInstanceId);
            e.HasIndex(x => x.StartedBy);
        });

        modelBuilder.Entity<TaskRow>(e =>
        {
            e.ToTable("wf_tasks");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => x.Assignee);
            e.HasIndex(x => new { x.Jurisdiction, x.DueSort });
            e.HasIndex(x => new { x.DueSort, x.CreatedAt });
            e.HasIndex(x => x.DefinitionKey);
        });

        modelBuilder.Entity<TaskCandidateRow>(e =>
        {
            e.ToTable("wf_task_candidates");
            e.HasKey(x => new { x.Kind, x.Value, x.TaskId });
            e.HasIndex(x => x.TaskId);
            e.HasOne<TaskRow>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<JobRow>(e =>
        {
            e.ToTable("wf_jobs");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DueAt);
            e.HasIndex(x => x.InstanceId);
            e.Property(x => x.Kind).HasMaxLength(20);
        });

        modelBuilder.Entity<SubscriptionRow>(e =>
        {
            e.ToTable("wf_subscriptions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.MessageName, x.BusinessKey });
            e.HasIndex(x => x.InstanceId);
        });

        modelBuilder.Entity<ExternalTaskRow>(e =>
        {
            e.ToTable("wf_external_tasks");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Topic, x.LockExpiresAt });
            e.HasIndex(x => x.InstanceId);
        });

        modelBuilder.Entity<IncidentRow>(e =>
        {
            e.ToTable("wf_incidents");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.InstanceId);
        });

        modelBuilder.Entity<JournalRow>(e =>
        {
            e.ToTable("wf_journal");
            e.HasKey(x => new { x.InstanceId, x.Seq });
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
        });
    }
}
