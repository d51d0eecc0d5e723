using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_DueSort_CreatedAt",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_Jurisdiction_DueSort",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_task_candidates_TaskId",
                table: "wf_task_candidates");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_inbox_due_order",
                table: "wf_tasks",
                columns: new[] { "DueSort", "CreatedAt", "Id", "Jurisdiction", "Assignee" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_inbox_jurisdiction",
                table: "wf_tasks",
                columns: new[] { "Jurisdiction", "Assignee", "DueSort", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidates_TaskId_Kind_Value",
                table: "wf_task_candidates",
                columns: new[] { "TaskId", "Kind", "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_inbox_due_order",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_inbox_jurisdiction",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_task_candidates_TaskId_Kind_Value",
                table: "wf_task_candidates");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_DueSort_CreatedAt",
                table: "wf_tasks",
                columns: new[] { "DueSort", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_Jurisdiction_DueSort",
                table: "wf_tasks",
                columns: new[] { "Jurisdiction", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidates_TaskId",
                table: "wf_task_candidates",
                column: "TaskId");
        }
    }
}
