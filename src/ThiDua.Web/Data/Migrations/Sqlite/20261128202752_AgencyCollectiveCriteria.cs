using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThiDua.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgencyCollectiveCriteria : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TtldttLdttPercentMoreThan",
                table: "Units",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TtldttNoMemberDisciplined",
                table: "Units",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TtldttLdttPercentMoreThan",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "TtldttNoMemberDisciplined",
                table: "Units");
        }
    }
}
