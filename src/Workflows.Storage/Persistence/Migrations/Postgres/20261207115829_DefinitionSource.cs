using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DefinitionSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "wf_definitions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            // Versions deployed before sources were kept: start-up deployments (by "system", with the note the
            // Host wrote) came from that definitions file; any other deployer was a person.
            migrationBuilder.Sql(
                """
                UPDATE "wf_definitions" SET "Source" = 'file:' || substr("Note", length('启动时自动部署（definitions/') + 1, length("Note") - length('启动时自动部署（definitions/') - 1)
                WHERE "DeployedBy" = 'system' AND "Note" LIKE '启动时自动部署（definitions/%）';
                UPDATE "wf_definitions" SET "Source" = 'user:' || "DeployedBy"
                WHERE "Source" IS NULL AND "DeployedBy" IS NOT NULL AND "DeployedBy" <> 'system';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Source",
                table: "wf_definitions");
        }
    }
}
