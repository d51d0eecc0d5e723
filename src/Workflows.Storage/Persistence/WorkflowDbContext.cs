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
    public DbSet<CaseSequenceRow> CaseSequences => Set<CaseSequenceRow>();

    /// <summary>wf_tasks by (Jurisdiction, Assignee, DueSort, CreatedAt, Id).</summary>
    public const string JurisdictionIndex = "IX_wf_tasks_inbox_jurisdiction";

    /// <summary>wf_tasks by (DueSort, CreatedAt, Id, Jurisdiction, Assignee): the inbox's order.</summary>
    public const string DueOrderIndex = "IX_wf_tasks_inbox_due_order";

    public abstract bool IsPostgres { get; }

    /// <summary>SQLite: the storage's kept-open read connections (set by <see cref="WorkflowStorage.CreateContext"/>).</summary>
    internal SqliteReaders? SqliteReaders { get; set; }

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
            e.Property(x => x.Source).HasMaxLength(300);
        });

        modelBuilder.Entity<InstanceRow>(e =>
        {
            e.ToTable("wf_instances");
            e.HasKey(x => x.Id);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.Property(x => x.Status).HasMaxLength(20);
            e.HasIndex(x => new { x.DefinitionKey, x.Status });
            // Most instances have no business key and no parent: partial indexes hold only those that do, and
            // starting or ending such an instance writes no page of them. Both are looked up by equality only.
            e.HasIndex(x => x.BusinessKey).HasFilter("\"BusinessKey\" IS NOT NULL");
            e.HasIndex(x => x.Jurisdiction);
            e.HasIndex(x => x.ParentInstanceId).HasFilter("\"ParentInstanceId\" IS NOT NULL");
            e.HasIndex(x => x.StartedBy);
            e.Property(x => x.CaseNumber).HasMaxLength(CaseNumbers.MaxLength);
            e.Property(x => x.CaseSummary).HasMaxLength(CaseNumbers.MaxSummaryLength);
            e.Property(x => x.CaseText).HasMaxLength(CaseNumbers.MaxTextLength);

            // Looked up by equality (a case number typed in full) and by prefix; not unique: a called instance
            // carries its caller's number.
            e.HasIndex(x => x.CaseNumber).HasFilter("\"CaseNumber\" IS NOT NULL");
        });

        modelBuilder.Entity<CaseSequenceRow>(e =>
        {
            e.ToTable("wf_case_sequences");
            e.HasKey(x => new { x.Prefix, x.Year });
            e.Property(x => x.Prefix).HasMaxLength(8);
        });

        modelBuilder.Entity<TaskRow>(e =>
        {
            e.ToTable("wf_tasks");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.InstanceId);

            // The inbox (see the Host's ListTasks): both indexes cover its filter and order, so neither visits
            // the table. By jurisdiction for counting and for a reach of few tasks; in due order for paging
            // through a reach of many, where walking the order and filtering beats sorting them all.
            e.HasIndex(x => new { x.Jurisdiction, x.Assignee, x.DueSort, x.CreatedAt, x.Id }).HasDatabaseName(JurisdictionIndex);
            e.HasIndex(x => new { x.DueSort, x.CreatedAt, x.Id, x.Jurisdiction, x.Assignee }).HasDatabaseName(DueOrderIndex);

            // No index of its own on Assignee or DefinitionKey: every task query but the administrator's is
            // bounded by jurisdiction and the inbox indexes carry the assignee; each index on this table is
            // written twice per task (created, then done), which is most of what a step costs.
        });

        modelBuilder.Entity<TaskCandidateRow>(e =>
        {
            e.ToTable("wf_task_candidates");
            e.HasKey(x => new { x.Kind, x.Value, x.TaskId });

            // Covers "is the caller a candidate of this task?", asked once per task an inbox query walks.
            e.HasIndex(x => new { x.TaskId, x.Kind, x.Value });
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

            // A user's own completions (已办 list; a repeated completion answers 409): only TaskCompleted entries.
            e.HasIndex(x => x.Actor).HasDatabaseName("IX_wf_journal_Actor_TaskCompleted").HasFilter("\"Type\" = 'TaskCompleted'");
        });
    }
}
