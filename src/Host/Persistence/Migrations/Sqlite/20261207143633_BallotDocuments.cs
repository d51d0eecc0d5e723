using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BallotDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Documents",
                table: "host_ballots",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Documents",
                table: "host_ballots");
        }
    }
}
