using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalCompletionsByActor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_wf_journal_Actor_TaskCompleted",
                table: "wf_journal",
                column: "Actor",
                filter: "\"Type\" = 'TaskCompleted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_journal_Actor_TaskCompleted",
                table: "wf_journal");
        }
    }
}
