using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anju.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskJurisdictionByteOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Jurisdiction",
                table: "wf_tasks",
                type: "text",
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Jurisdiction",
                table: "wf_tasks",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true,
                oldCollation: "C");
        }
    }
}
