using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Host.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Voting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "host_ballot_audit_reads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BallotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reader = table.Column<string>(type: "text", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_ballot_audit_reads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "host_ballots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompoundPath = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Questions = table.Column<string>(type: "text", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: false),
                    MessageName = table.Column<string>(type: "text", nullable: false),
                    EligibleHeadcount = table.Column<int>(type: "integer", nullable: false),
                    EligibleArea = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    VotesCast = table.Column<int>(type: "integer", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedBecause = table.Column<string>(type: "text", nullable: true),
                    Result = table.Column<string>(type: "text", nullable: true),
                    ResumedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResumeNote = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_ballots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "host_units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompoundPath = table.Column<string>(type: "text", nullable: false),
                    Number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Area = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Owner = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "host_ballot_electors",
                columns: table => new
                {
                    BallotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false),
                    Area = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Units = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_ballot_electors", x => new { x.BallotId, x.Owner });
                    table.ForeignKey(
                        name: "FK_host_ballot_electors_host_ballots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "host_ballots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "host_ballot_votes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BallotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false),
                    Answers = table.Column<string>(type: "text", nullable: false),
                    CastAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_ballot_votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_host_ballot_votes_host_ballots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "host_ballots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_host_ballot_audit_reads_BallotId",
                table: "host_ballot_audit_reads",
                column: "BallotId");

            migrationBuilder.CreateIndex(
                name: "IX_host_ballot_electors_Owner",
                table: "host_ballot_electors",
                column: "Owner");

            migrationBuilder.CreateIndex(
                name: "IX_host_ballot_votes_BallotId_Owner",
                table: "host_ballot_votes",
                columns: new[] { "BallotId", "Owner" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_host_ballots_CompoundPath",
                table: "host_ballots",
                column: "CompoundPath");

            migrationBuilder.CreateIndex(
                name: "IX_host_ballots_InstanceId_ActivityId",
                table: "host_ballots",
                columns: new[] { "InstanceId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_host_ballots_Status_ClosesAt",
                table: "host_ballots",
                columns: new[] { "Status", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_host_units_CompoundPath_Number",
                table: "host_units",
                columns: new[] { "CompoundPath", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_host_units_Owner",
                table: "host_units",
                column: "Owner");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_ballot_audit_reads");

            migrationBuilder.DropTable(
                name: "host_ballot_electors");

            migrationBuilder.DropTable(
                name: "host_ballot_votes");

            migrationBuilder.DropTable(
                name: "host_units");

            migrationBuilder.DropTable(
                name: "host_ballots");
        }
    }
}
