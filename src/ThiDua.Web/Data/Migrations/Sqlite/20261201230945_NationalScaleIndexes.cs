using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThiDua.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NationalScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UnitMemberships_UnitId",
                table: "UnitMemberships");

            migrationBuilder.CreateIndex(
                name: "IX_YearRatings_Year",
                table: "YearRatings",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_UnitMemberships_UnitId_From_To_PersonId",
                table: "UnitMemberships",
                columns: new[] { "UnitId", "From", "To", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_People_IsActive",
                table: "People",
                column: "IsActive");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_YearRatings_Year",
                table: "YearRatings");

            migrationBuilder.DropIndex(
                name: "IX_UnitMemberships_UnitId_From_To_PersonId",
                table: "UnitMemberships");

            migrationBuilder.DropIndex(
                name: "IX_People_IsActive",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_UnitMemberships_UnitId",
                table: "UnitMemberships",
                column: "UnitId");
        }
    }
}
