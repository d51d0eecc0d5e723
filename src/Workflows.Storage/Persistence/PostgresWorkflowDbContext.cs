using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Persistence;

/// <summary>Production and multi-node: PostgreSQL, with job leases taken by FOR UPDATE SKIP LOCKED.</summary>
public sealed class PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options) : WorkflowDbContext(options)
{
    public override bool IsPostgres => true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // A task's jurisdiction path compares byte by byte, as on SQLite, whatever the database's locale: "at or
        // below a node" is then an index range ('node/' < path < 'node0') in every collation the server has.
        modelBuilder.Entity<TaskRow>().Property(t => t.Jurisdiction).UseCollation("C");
    }
}
