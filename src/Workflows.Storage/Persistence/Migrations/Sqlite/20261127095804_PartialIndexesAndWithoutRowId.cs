using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Workflows.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Partial indexes for BusinessKey and ParentInstanceId, and wf_task_candidates and wf_journal rebuilt as
    /// WITHOUT ROWID tables (see SqliteMigrationsGenerator). SQLite cannot alter a table's form, so each is copied
    /// into a new table, the old one dropped and the new one renamed, with foreign keys off meanwhile.
    /// </summary>
    public partial class PartialIndexesAndWithoutRowId : Migration
    {
        private const string Candidates = """
            "TaskId" TEXT NOT NULL,
            "Kind" TEXT NOT NULL,
            "Value" TEXT NOT NULL,
            CONSTRAINT "PK_wf_task_candidates" PRIMARY KEY ("Kind", "Value", "TaskId"),
            CONSTRAINT "FK_wf_task_candidates_wf_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "wf_tasks" ("Id") ON DELETE CASCADE
            """;

        private static readonly string[] CandidateIndexes =
        [
            """CREATE INDEX "IX_wf_task_candidates_TaskId_Kind_Value" ON "wf_task_candidates" ("TaskId", "Kind", "Value")""",
        ];

        private const string Journal = """
            "InstanceId" TEXT NOT NULL,
            "Seq" INTEGER NOT NULL,
            "At" TEXT NOT NULL,
            "Type" TEXT NOT NULL,
            "ActivityId" TEXT NULL,
            "Actor" TEXT NULL,
            "Details" TEXT NULL,
            "PreviousHash" TEXT NOT NULL,
            "Hash" TEXT NOT NULL,
            CONSTRAINT "PK_wf_journal" PRIMARY KEY ("InstanceId", "Seq")
            """;

        private static void Rebuild(MigrationBuilder migrationBuilder, bool withoutRowId)
        {
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
            Copy(migrationBuilder, "wf_task_candidates", Candidates, "\"TaskId\", \"Kind\", \"Value\"", CandidateIndexes, withoutRowId);
            Copy(migrationBuilder, "wf_journal", Journal, "\"InstanceId\", \"Seq\", \"At\", \"Type\", \"ActivityId\", \"Actor\", \"Details\", \"PreviousHash\", \"Hash\"", [], withoutRowId);
            migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
        }

        private static void Copy(MigrationBuilder migrationBuilder, string table, string columns, string columnList, string[] indexes, bool withoutRowId)
        {
            var temp = "ef_temp_" + table;
            migrationBuilder.Sql($"CREATE TABLE \"{temp}\" (\n{columns}\n){(withoutRowId ? " WITHOUT ROWID" : "")};");
            migrationBuilder.Sql($"INSERT INTO \"{temp}\" ({columnList}) SELECT {columnList} FROM \"{table}\";");
            migrationBuilder.Sql($"DROP TABLE \"{table}\";");
            migrationBuilder.Sql($"ALTER TABLE \"{temp}\" RENAME TO \"{table}\";");
            foreach (var index in indexes)
            {
                migrationBuilder.Sql(index + ";");
            }
        }

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_instances_BusinessKey",
                table: "wf_instances");

            migrationBuilder.DropIndex(
                name: "IX_wf_instances_ParentInstanceId",
                table: "wf_instances");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_BusinessKey",
                table: "wf_instances",
                column: "BusinessKey",
                filter: "\"BusinessKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_ParentInstanceId",
                table: "wf_instances",
                column: "ParentInstanceId",
                filter: "\"ParentInstanceId\" IS NOT NULL");

            Rebuild(migrationBuilder, withoutRowId: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, withoutRowId: false);

            migrationBuilder.DropIndex(
                name: "IX_wf_instances_BusinessKey",
                table: "wf_instances");

            migrationBuilder.DropIndex(
                name: "IX_wf_instances_ParentInstanceId",
                table: "wf_instances");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_BusinessKey",
                table: "wf_instances",
                column: "BusinessKey");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_ParentInstanceId",
                table: "wf_instances",
                column: "ParentInstanceId");
        }
    }
}
