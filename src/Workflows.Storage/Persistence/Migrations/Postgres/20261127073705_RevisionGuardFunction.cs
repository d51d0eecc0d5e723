using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Workflows.Persistence.Migrations.Postgres
{
    /// <summary>
    /// anju_expect_one_row: a command's revision guard raises inside its batch when it changed no row, so that
    /// the batch's own COMMIT never runs for a command that lost the race (see SqlBatch.Guard).
    /// </summary>
    public partial class RevisionGuardFunction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION anju_expect_one_row(changed bigint, conflict text) RETURNS void
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF changed <> 1 THEN
                        RAISE EXCEPTION USING ERRCODE = 'AJ409', MESSAGE = conflict;
                    END IF;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS anju_expect_one_row(bigint, text);");
        }
    }
}
