using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Host.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BallotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reader = table.Column<string>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_ballot_audit_reads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "host_ballots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompoundPath = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Questions = table.Column<string>(type: "TEXT", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: false),
                    MessageName = table.Column<string>(type: "TEXT", nullable: false),
                    EligibleHeadcount = table.Column<int>(type: "INTEGER", nullable: false),
                    EligibleArea = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    VotesCast = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedBecause = table.Column<string>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
                    ResumedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResumeNote = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_ballots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "host_units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompoundPath = table.Column<string>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Area = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "host_ballot_electors",
                columns: table => new
                {
                    BallotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", nullable: false),
                    Area = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BallotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    CastAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
