using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThiDua.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NationalScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_YearRatings_PersonId_Year",
                table: "YearRatings");

            migrationBuilder.DropIndex(
                name: "IX_UnitMemberships_UnitId",
                table: "UnitMemberships");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_PersonId_Year",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Awards_PersonId_Year",
                table: "Awards");

            migrationBuilder.CreateIndex(
                name: "IX_YearRatings_PersonId_Year",
                table: "YearRatings",
                columns: new[] { "PersonId", "Year" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "Rating" });

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

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_PersonId_Year",
                table: "Initiatives",
                columns: new[] { "PersonId", "Year" })
                .Annotation("Npgsql:IndexInclude", new[] { "Scope", "UsedFor" });

            migrationBuilder.CreateIndex(
                name: "IX_Awards_PersonId_Year",
                table: "Awards",
                columns: new[] { "PersonId", "Year" })
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "Code", "PeriodTo", "Basis" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_YearRatings_PersonId_Year",
                table: "YearRatings");

            migrationBuilder.DropIndex(
                name: "IX_YearRatings_Year",
                table: "YearRatings");

            migrationBuilder.DropIndex(
                name: "IX_UnitMemberships_UnitId_From_To_PersonId",
                table: "UnitMemberships");

            migrationBuilder.DropIndex(
                name: "IX_People_IsActive",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_PersonId_Year",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Awards_PersonId_Year",
                table: "Awards");

            migrationBuilder.CreateIndex(
                name: "IX_YearRatings_PersonId_Year",
                table: "YearRatings",
                columns: new[] { "PersonId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitMemberships_UnitId",
                table: "UnitMemberships",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_PersonId_Year",
                table: "Initiatives",
                columns: new[] { "PersonId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Awards_PersonId_Year",
                table: "Awards",
                columns: new[] { "PersonId", "Year" });
        }
    }
}
