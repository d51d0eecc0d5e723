using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wf_definitions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DeploymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeployedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeployedBy = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    UnknownServiceTasksAsExternal = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wf_external_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: false),
                    Topic = table.Column<string>(type: "text", nullable: false),
                    DefinitionKey = table.Column<string>(type: "text", nullable: false),
                    BusinessKey = table.Column<string>(type: "text", nullable: true),
                    Jurisdiction = table.Column<string>(type: "text", nullable: true),
                    Retries = table.Column<int>(type: "integer", nullable: true),
                    ErrorMessage = table.Column<string>(type: "text", nullable: true),
                    WorkerId = table.Column<string>(type: "text", nullable: true),
                    LockExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_external_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wf_incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<string>(type: "text", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    JobId = table.Column<Guid>(type: "uuid", nullable: true),
                    DefinitionKey = table.Column<string>(type: "text", nullable: false),
                    Jurisdiction = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wf_instances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionId = table.Column<string>(type: "text", nullable: false),
                    DefinitionKey = table.Column<string>(type: "text", nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    BusinessKey = table.Column<string>(type: "text", nullable: true),
                    Jurisdiction = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HasIncident = table.Column<bool>(type: "boolean", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ParentInstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Revision = table.Column<long>(type: "bigint", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wf_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    DefinitionId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Retries = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    LockOwner = table.Column<string>(type: "text", nullable: true),
                    LockExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Cycle = table.Column<string>(type: "text", nullable: true),
                    RepeatsLeft = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wf_journal",
                columns: table => new
                {
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Type = table.Column<string>(type: "text", nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: true),
                    Actor = table.Column<string>(type: "text", nullable: true),
                    Details = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_journal", x => new { x.InstanceId, x.Seq });
                });

            migrationBuilder.CreateTable(
                name: "wf_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageName = table.Column<string>(type: "text", nullable: false),
                    BusinessKey = table.Column<string>(type: "text", nullable: true),
                    ActivityId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wf_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Assignee = table.Column<string>(type: "text", nullable: true),
                    CandidateUsers = table.Column<string>(type: "text", nullable: true),
                    CandidateGroups = table.Column<string>(type: "text", nullable: true),
                    DefinitionKey = table.Column<string>(type: "text", nullable: false),
                    DefinitionId = table.Column<string>(type: "text", nullable: false),
                    BusinessKey = table.Column<string>(type: "text", nullable: true),
                    Jurisdiction = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FollowUpAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    FormKey = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wf_task_candidates",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<char>(type: "character(1)", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_task_candidates", x => new { x.Kind, x.Value, x.TaskId });
                    table.ForeignKey(
                        name: "FK_wf_task_candidates_wf_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "wf_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wf_definitions_Key_Version",
                table: "wf_definitions",
                columns: new[] { "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wf_external_tasks_InstanceId",
                table: "wf_external_tasks",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_wf_external_tasks_Topic_LockExpiresAt",
                table: "wf_external_tasks",
                columns: new[] { "Topic", "LockExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_incidents_InstanceId",
                table: "wf_incidents",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_BusinessKey",
                table: "wf_instances",
                column: "BusinessKey");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_DefinitionKey_Status",
                table: "wf_instances",
                columns: new[] { "DefinitionKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_Jurisdiction",
                table: "wf_instances",
                column: "Jurisdiction");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_ParentInstanceId",
                table: "wf_instances",
                column: "ParentInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_wf_jobs_DueAt",
                table: "wf_jobs",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_wf_jobs_InstanceId",
                table: "wf_jobs",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_wf_subscriptions_InstanceId",
                table: "wf_subscriptions",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_wf_subscriptions_MessageName_BusinessKey",
                table: "wf_subscriptions",
                columns: new[] { "MessageName", "BusinessKey" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidates_TaskId",
                table: "wf_task_candidates",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_Assignee",
                table: "wf_tasks",
                column: "Assignee");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_DefinitionKey",
                table: "wf_tasks",
                column: "DefinitionKey");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_DueAt",
                table: "wf_tasks",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_InstanceId",
                table: "wf_tasks",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_Jurisdiction_DueAt",
                table: "wf_tasks",
                columns: new[] { "Jurisdiction", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_definitions");

            migrationBuilder.DropTable(
                name: "wf_external_tasks");

            migrationBuilder.DropTable(
                name: "wf_incidents");

            migrationBuilder.DropTable(
                name: "wf_instances");

            migrationBuilder.DropTable(
                name: "wf_jobs");

            migrationBuilder.DropTable(
                name: "wf_journal");

            migrationBuilder.DropTable(
                name: "wf_subscriptions");

            migrationBuilder.DropTable(
                name: "wf_task_candidates");

            migrationBuilder.DropTable(
                name: "wf_tasks");
        }
    }
}
