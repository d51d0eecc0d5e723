using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Persistence;

/// <summary>Production and multi-node: PostgreSQL, with job leases taken by FOR UPDATE SKIP LOCKED.</summary>
public sealed class PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options) : WorkflowDbContext(options)
{
    public override bool IsPostgres => true;
}
