using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Persistence;

/// <summary>The embedded default: a SQLite file in WAL mode, one writer at a time.</summary>
public sealed class SqliteWorkflowDbContext(DbContextOptions<SqliteWorkflowDbContext> options) : WorkflowDbContext(options)
{
    public override bool IsPostgres => false;
}
