using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CaseNumber",
                table: "wf_instances",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaseSummary",
                table: "wf_instances",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaseText",
                table: "wf_instances",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "wf_case_sequences",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_case_sequences", x => new { x.Prefix, x.Year });
                });

            // Instances of API starts before case numbers were taken from a sequence kept the number they were
            // given as their business key (20261207-3F9K2M7Q): it stays their case number, found by search.
            migrationBuilder.Sql("""
                UPDATE "wf_instances" SET "CaseNumber" = "BusinessKey" WHERE length("BusinessKey") = 17 AND "BusinessKey" GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_CaseNumber",
                table: "wf_instances",
                column: "CaseNumber",
                filter: "\"CaseNumber\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_case_sequences");

            migrationBuilder.DropIndex(
                name: "IX_wf_instances_CaseNumber",
                table: "wf_instances");

            migrationBuilder.DropColumn(
                name: "CaseNumber",
                table: "wf_instances");

            migrationBuilder.DropColumn(
                name: "CaseSummary",
                table: "wf_instances");

            migrationBuilder.DropColumn(
                name: "CaseText",
                table: "wf_instances");
        }
    }
}
