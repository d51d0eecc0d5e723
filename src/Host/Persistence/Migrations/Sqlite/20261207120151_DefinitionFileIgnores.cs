using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DefinitionFileIgnores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "host_definition_file_ignores",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IgnoredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IgnoredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_definition_file_ignores", x => new { x.Key, x.ContentHash });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_definition_file_ignores");
        }
    }
}
