using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegistryAndNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DepartmentId",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "host_compounds",
                columns: table => new
                {
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    CommunityPath = table.Column<string>(type: "TEXT", nullable: false),
                    StreetPath = table.Column<string>(type: "TEXT", nullable: false),
                    PropertyFirm = table.Column<string>(type: "TEXT", nullable: true),
                    ProjectManager = table.Column<string>(type: "TEXT", nullable: true),
                    CommitteeStatus = table.Column<string>(type: "TEXT", nullable: false),
                    FloorArea = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveredShare = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    FirstDeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_compounds", x => x.Path);
                });

            migrationBuilder.CreateTable(
                name: "host_departments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_departments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "host_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Username = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: true),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "host_public_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Jurisdiction = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: true),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DefinitionKey = table.Column<string>(type: "TEXT", nullable: true),
                    PostedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Until = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_public_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "host_registry_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Entity = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_registry_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "host_violation_categories",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    LeadingDepartment = table.Column<string>(type: "TEXT", nullable: false),
                    SupportingDepartments = table.Column<string>(type: "TEXT", nullable: false),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_violation_categories", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_host_compounds_CommunityPath",
                table: "host_compounds",
                column: "CommunityPath");

            migrationBuilder.CreateIndex(
                name: "IX_host_compounds_StreetPath",
                table: "host_compounds",
                column: "StreetPath");

            migrationBuilder.CreateIndex(
                name: "IX_host_notifications_Username_CreatedAt",
                table: "host_notifications",
                columns: new[] { "Username", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_host_public_notices_InstanceId",
                table: "host_public_notices",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_host_public_notices_Jurisdiction",
                table: "host_public_notices",
                column: "Jurisdiction");

            migrationBuilder.CreateIndex(
                name: "IX_host_registry_changes_Entity_Key",
                table: "host_registry_changes",
                columns: new[] { "Entity", "Key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_compounds");

            migrationBuilder.DropTable(
                name: "host_departments");

            migrationBuilder.DropTable(
                name: "host_notifications");

            migrationBuilder.DropTable(
                name: "host_public_notices");

            migrationBuilder.DropTable(
                name: "host_registry_changes");

            migrationBuilder.DropTable(
                name: "host_violation_categories");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "AspNetUsers");
        }
    }
}
