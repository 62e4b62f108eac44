using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThiDua.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EligibilityV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FlagSharePercent",
                table: "Blocs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Basis",
                table: "Awards",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Merit");

            migrationBuilder.AddColumn<int>(
                name: "PeriodTo",
                table: "Awards",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UnitReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitReviews_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnitReviews_UnitId_From",
                table: "UnitReviews",
                columns: new[] { "UnitId", "From" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnitReviews");

            migrationBuilder.DropColumn(
                name: "FlagSharePercent",
                table: "Blocs");

            migrationBuilder.DropColumn(
                name: "Basis",
                table: "Awards");

            migrationBuilder.DropColumn(
                name: "PeriodTo",
                table: "Awards");
        }
    }
}
