using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegNotificationDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveredAt",
                table: "host_notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeliveryAttempts",
                table: "host_notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryError",
                table: "host_notifications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryOwner",
                table: "host_notifications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextDeliveryAt",
                table: "host_notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "host_watermarks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_watermarks", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_host_notifications_DeliveredAt_NextDeliveryAt",
                table: "host_notifications",
                columns: new[] { "DeliveredAt", "NextDeliveryAt" });

            migrationBuilder.CreateIndex(
                name: "IX_host_notifications_Username_TaskId_Kind",
                table: "host_notifications",
                columns: new[] { "Username", "TaskId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_watermarks");

            migrationBuilder.DropIndex(
                name: "IX_host_notifications_DeliveredAt_NextDeliveryAt",
                table: "host_notifications");

            migrationBuilder.DropIndex(
                name: "IX_host_notifications_Username_TaskId_Kind",
                table: "host_notifications");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "host_notifications");

            migrationBuilder.DropColumn(
                name: "DeliveryAttempts",
                table: "host_notifications");

            migrationBuilder.DropColumn(
                name: "DeliveryError",
                table: "host_notifications");

            migrationBuilder.DropColumn(
                name: "DeliveryOwner",
                table: "host_notifications");

            migrationBuilder.DropColumn(
                name: "NextDeliveryAt",
                table: "host_notifications");
        }
    }
}
