using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartialInstanceIndexes : Migration
    {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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
                column: "BusinessKey");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_ParentInstanceId",
                table: "wf_instances",
                column: "ParentInstanceId");
        }
    }
}
