using Anju.Testing;

namespace Anju.Host.Tests.Support;

/// <summary>
/// The real Host on a fresh database of its own (one per test class): an SQLite file in a temporary data
/// folder, or a new PostgreSQL database on the server scripts/test.sh starts. Demo accounts are seeded; their
/// password is <see cref="HostFactory{TEntryPoint}.Password"/>. The fixture itself is Anju.Testing's.
/// </summary>
public abstract class HostFixture() : HostFactory<Program>("host_tests"), IAsyncLifetime
{
    /// <inheritdoc />
    protected abstract override bool UsePostgres { get; }
}

public sealed class SqliteHost : HostFixture
{
    protected override bool UsePostgres => false;
}

public sealed class PostgresHost : HostFixture
{
    protected override bool UsePostgres => true;
}
