using Anju.Host.Notices;
using Anju.Host.Reference;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Persistence;

/// <summary>
/// The Host's own tables, in the same database as the engine's but with their own migrations history: the kernels'
/// rows here (identity, jurisdictions, idempotency, comments, attachments, compounds, departments, the registry's change log, notifications),
/// each feature's rows from its <see cref="IHostModel"/> (read them with <c>Set&lt;T&gt;()</c>).
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
    public DbSet<RegistryChange> RegistryChanges => Set<RegistryChange>();
    public DbSet<Notification> Notifications => Set<Notification>();

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

        // Each feature's own tables (IHostModel in Features/<Area>), in a fixed order.
        foreach (var model in typeof(HostDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IHostModel).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            ((IHostModel)Activator.CreateInstance(model)!).Configure(builder);
        }
    }

}

public sealed class SqliteHostDbContext(DbContextOptions<SqliteHostDbContext> options) : HostDbContext(options);

public sealed class PostgresHostDbContext(DbContextOptions<PostgresHostDbContext> options) : HostDbContext(options);
