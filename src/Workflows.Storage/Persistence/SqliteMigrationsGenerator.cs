using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Anju.Workflows.Persistence;

/// <summary>
/// SQLite migrations with <c>WITHOUT ROWID</c> tables, which EF Core cannot model. A table whose primary key is
/// not an integer is two B-trees in SQLite (the rows by rowid, and the key's index); as a WITHOUT ROWID table it
/// is one, so each row written, moved or deleted dirties one page fewer in the write-ahead log. The tables listed
/// are written on every command (task candidates, journal rows) and have small rows. wf_tasks is not: the inbox
/// looks up task rows from its index walks, and by a text key that costs more than by rowid (measured: street
/// office inbox p50 10 → 16 ms with wf_tasks WITHOUT ROWID, for about 3 of ~35 log pages per instance).
/// EF rebuilds a SQLite table for changes that ALTER TABLE cannot make, by creating <c>ef_temp_&lt;table&gt;</c>
/// and renaming it; that CREATE TABLE goes through here too, so a later migration keeps the table's form
/// (a test checks the schema after all migrations).
/// </summary>
internal sealed class SqliteMigrationsGenerator(MigrationsSqlGeneratorDependencies dependencies, IRelationalAnnotationProvider annotations)
    : SqliteMigrationsSqlGenerator(dependencies, annotations)
{
    /// <summary>The tables created WITHOUT ROWID.</summary>
    public static readonly IReadOnlySet<string> WithoutRowId = new HashSet<string>(StringComparer.Ordinal)
    {
        "wf_task_candidates", "wf_journal",
    };

    private const string RebuildPrefix = "ef_temp_";

    protected override void Generate(CreateTableOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(builder);
        var name = operation.Name.StartsWith(RebuildPrefix, StringComparison.Ordinal) ? operation.Name[RebuildPrefix.Length..] : operation.Name;
        if (!WithoutRowId.Contains(name))
        {
            base.Generate(operation, model, builder, terminate);
            return;
        }

        base.Generate(operation, model, builder, terminate: false);
        builder.Append(" WITHOUT ROWID");
        if (terminate)
        {
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }
    }
}
