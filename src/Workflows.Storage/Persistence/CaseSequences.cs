using System.Globalization;
using Anju.Workflows.Execution;

namespace Anju.Workflows.Persistence;

/// <summary>
/// Case numbers' sequences in <c>wf_case_sequences</c> (see <see cref="CaseNumbers"/>): one upsert of the prefix and
/// year's row, on the commit's transaction, so concurrent starts wait for each other's row lock on PostgreSQL (SQLite
/// has one writer) and a start that rolls back gives its number back.
/// </summary>
internal static class CaseSequences
{
    private const string NextSql = """
        INSERT INTO "wf_case_sequences" ("Prefix", "Year", "Last") VALUES (@prefix, @year, 1)
        ON CONFLICT ("Prefix", "Year") DO UPDATE SET "Last" = "wf_case_sequences"."Last" + 1
        RETURNING "Last"
        """;

    /// <summary>Numbers the command's new instances on the command's transaction.</summary>
    internal static async ValueTask AssignAsync(WorkflowDbContext db, CommandContext command, CancellationToken cancellationToken)
    {
        foreach (var (state, prefix) in CaseNumbers.NeedingSequence(command))
        {
            var year = CaseNumbers.YearOf(state.StartedAt);
            state.CaseNumber = CaseNumbers.Format(prefix, year, await NextAsync(db, prefix, year, cancellationToken));
        }
    }

    /// <summary>
    /// SQLite, under the writer lock and inside the commit's transaction on the writer's connection: numbers the
    /// command's new instances before their documents are written.
    /// </summary>
    internal static void AssignOn(Microsoft.Data.Sqlite.SqliteConnection connection, CommandContext command) =>
        CaseNumbers.Assign(command, (prefix, year) =>
        {
            using var next = connection.CreateCommand();
            next.CommandText = NextSql;
            next.Parameters.AddWithValue("@prefix", prefix);
            next.Parameters.AddWithValue("@year", year);
            return Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        });

    private static async ValueTask<long> NextAsync(WorkflowDbContext db, string prefix, int year, CancellationToken cancellationToken)
    {
        await using var query = await DirectSql.CreateAsync(db, NextSql, cancellationToken);
        query.Bind<CaseSequenceRow>("@prefix", "Prefix", prefix);
        query.Bind<CaseSequenceRow>("@year", "Year", year);
        var last = await query.Command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(last, CultureInfo.InvariantCulture);
    }
}
