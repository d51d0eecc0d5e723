using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CalendarYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "host_calendar_years",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Holidays = table.Column<string>(type: "TEXT", maxLength: 4100, nullable: false),
                    Workdays = table.Column<string>(type: "TEXT", maxLength: 4100, nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_calendar_years", x => x.Year);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_calendar_years");
        }
    }
}
