using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TasksWithoutSingleColumnIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_Assignee",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_DefinitionKey",
                table: "wf_tasks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_Assignee",
                table: "wf_tasks",
                column: "Assignee");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_DefinitionKey",
                table: "wf_tasks",
                column: "DefinitionKey");
        }
    }
}
