using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Host.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OwnersRegisterAndPaperVotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerIdTail",
                table: "host_units",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerKind",
                table: "host_units",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "account");

            migrationBuilder.AddColumn<string>(
                name: "OwnerName",
                table: "host_units",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerPhone",
                table: "host_units",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "host_ballot_votes",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "online");

            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "host_ballot_votes",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProxyName",
                table: "host_ballot_votes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ScanId",
                table: "host_ballot_votes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "host_ballot_electors",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "account");

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "host_ballot_electors",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "host_register_confirmations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompoundPath = table.Column<string>(type: "text", nullable: false),
                    Tolerance = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    RegisterArea = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    RegisterUnits = table.Column<int>(type: "integer", nullable: false),
                    RegisteredArea = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    RegisteredUnits = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_register_confirmations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_host_register_confirmations_CompoundPath_ConfirmedAt",
                table: "host_register_confirmations",
                columns: new[] { "CompoundPath", "ConfirmedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_register_confirmations");

            migrationBuilder.DropColumn(
                name: "OwnerIdTail",
                table: "host_units");

            migrationBuilder.DropColumn(
                name: "OwnerKind",
                table: "host_units");

            migrationBuilder.DropColumn(
                name: "OwnerName",
                table: "host_units");

            migrationBuilder.DropColumn(
                name: "OwnerPhone",
                table: "host_units");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "host_ballot_votes");

            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "host_ballot_votes");

            migrationBuilder.DropColumn(
                name: "ProxyName",
                table: "host_ballot_votes");

            migrationBuilder.DropColumn(
                name: "ScanId",
                table: "host_ballot_votes");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "host_ballot_electors");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "host_ballot_electors");
        }
    }
}
