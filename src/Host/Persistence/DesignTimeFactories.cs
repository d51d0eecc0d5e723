using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Anju.Host.Persistence;

internal sealed class SqliteHostDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHostDbContext>
{
    public SqliteHostDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteHostDbContext>()
        .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(HostDbContext.HistoryTable)).Options);
}

internal sealed class PostgresHostDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHostDbContext>
{
    public PostgresHostDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresHostDbContext>()
        .UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable(HostDbContext.HistoryTable)).Options);
}
