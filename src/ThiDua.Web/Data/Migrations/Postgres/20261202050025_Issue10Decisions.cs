using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThiDua.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue10Decisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Decisions_IssuerAgencyId_BlocId_Year_Number",
                table: "Decisions");

            migrationBuilder.AddColumn<string>(
                name: "Distribution",
                table: "Decisions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HigherAuthority",
                table: "Decisions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuedBy",
                table: "Decisions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "IssuedUtc",
                table: "Decisions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Decisions",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Register",
                table: "Decisions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegisterYear",
                table: "Decisions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HigherGranted",
                table: "DecisionRecipients",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_IssuerAgencyId_Year",
                table: "Decisions",
                columns: new[] { "IssuerAgencyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Register_RegisterYear_Number",
                table: "Decisions",
                columns: new[] { "Register", "RegisterYear", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Decisions_IssuerAgencyId_Year",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Register_RegisterYear_Number",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Distribution",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "HigherAuthority",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "IssuedBy",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "IssuedUtc",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Register",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "RegisterYear",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "HigherGranted",
                table: "DecisionRecipients");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_IssuerAgencyId_BlocId_Year_Number",
                table: "Decisions",
                columns: new[] { "IssuerAgencyId", "BlocId", "Year", "Number" },
                unique: true);
        }
    }
}
