namespace Anju.Testing;

/// <summary>
/// The PostgreSQL server that scripts/test.sh starts, named by <see cref="Variable"/>. What needs it fails with a
/// clear message when it is missing: it never skips silently.
/// </summary>
public static class TestPostgres
{
    /// <summary>The environment variable holding the server's connection string (a maintenance database).</summary>
    public const string Variable = "ANJU_TEST_POSTGRES";

    /// <summary>The server's connection string; throws when <see cref="Variable"/> is not set.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: PostgreSQL tests need a server. Run ./scripts/test.sh, which installs and starts one.");
}
