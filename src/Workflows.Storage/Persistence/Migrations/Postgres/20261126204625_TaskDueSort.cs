using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskDueSort : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_DueAt",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_Jurisdiction_DueAt",
                table: "wf_tasks");

            migrationBuilder.AddColumn<DateTime>(
                name: "DueSort",
                table: "wf_tasks",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Existing open tasks get their sort key: the due date, or the far future when they have none.
            migrationBuilder.Sql("UPDATE wf_tasks SET \"DueSort\" = COALESCE(\"DueAt\", TIMESTAMPTZ '9999-12-31 00:00:00+00');");


            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_DueSort_CreatedAt",
                table: "wf_tasks",
                columns: new[] { "DueSort", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_Jurisdiction_DueSort",
                table: "wf_tasks",
                columns: new[] { "Jurisdiction", "DueSort" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_DueSort_CreatedAt",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_Jurisdiction_DueSort",
                table: "wf_tasks");

            migrationBuilder.DropColumn(
                name: "DueSort",
                table: "wf_tasks");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_DueAt",
                table: "wf_tasks",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_Jurisdiction_DueAt",
                table: "wf_tasks",
                columns: new[] { "Jurisdiction", "DueAt" });
        }
    }
}
