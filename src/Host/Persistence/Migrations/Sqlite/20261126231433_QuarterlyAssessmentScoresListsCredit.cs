using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuarterlyAssessmentScoresListsCredit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "host_assessment_lists",
                columns: table => new
                {
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CompoundPath = table.Column<string>(type: "TEXT", nullable: false),
                    CompoundName = table.Column<string>(type: "TEXT", nullable: false),
                    PropertyFirm = table.Column<string>(type: "TEXT", nullable: true),
                    StreetPath = table.Column<string>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    CompositeScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    List = table.Column<string>(type: "TEXT", nullable: true),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_assessment_lists", x => new { x.Quarter, x.CompoundPath });
                });

            migrationBuilder.CreateTable(
                name: "host_assessment_scores",
                columns: table => new
                {
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CompoundPath = table.Column<string>(type: "TEXT", nullable: false),
                    CompoundName = table.Column<string>(type: "TEXT", nullable: false),
                    PropertyFirm = table.Column<string>(type: "TEXT", nullable: true),
                    StreetPath = table.Column<string>(type: "TEXT", nullable: false),
                    OwnersScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    CommitteeScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    CommunityScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    StreetScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    BureauScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    OwnersWeight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    CommitteeWeight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    CommunityWeight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    StreetWeight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    BureauWeight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    WeightedScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    ComplaintCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PerComplaint = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    MaxDeduction = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    ComplaintDeduction = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Adjustment = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    AdjustmentReason = table.Column<string>(type: "TEXT", nullable: true),
                    AdjustedBy = table.Column<string>(type: "TEXT", nullable: true),
                    CompositeScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_assessment_scores", x => new { x.Quarter, x.CompoundPath });
                });

            migrationBuilder.CreateTable(
                name: "host_credit_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Firm = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Quarter = table.Column<string>(type: "TEXT", nullable: false),
                    CompoundPath = table.Column<string>(type: "TEXT", nullable: false),
                    StreetPath = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_credit_records", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_host_assessment_lists_Quarter_Rank",
                table: "host_assessment_lists",
                columns: new[] { "Quarter", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_host_assessment_scores_CompoundPath",
                table: "host_assessment_scores",
                column: "CompoundPath");

            migrationBuilder.CreateIndex(
                name: "IX_host_credit_records_Firm_Quarter_CompoundPath",
                table: "host_credit_records",
                columns: new[] { "Firm", "Quarter", "CompoundPath" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_assessment_lists");

            migrationBuilder.DropTable(
                name: "host_assessment_scores");

            migrationBuilder.DropTable(
                name: "host_credit_records");
        }
    }
}
