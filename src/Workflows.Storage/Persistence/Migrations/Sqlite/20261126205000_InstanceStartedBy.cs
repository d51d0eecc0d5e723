using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstanceStartedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StartedBy",
                table: "wf_instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_StartedBy",
                table: "wf_instances",
                column: "StartedBy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_instances_StartedBy",
                table: "wf_instances");

            migrationBuilder.DropColumn(
                name: "StartedBy",
                table: "wf_instances");
        }
    }
}
