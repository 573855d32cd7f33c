using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingHub.Hub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkflowAdditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_subject_encodings",
                table: "subject_encodings");

            migrationBuilder.AddColumn<int>(
                name: "GrantDays",
                table: "access_requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_subject_encodings",
                table: "subject_encodings",
                columns: new[] { "SignalId", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_subject_encodings",
                table: "subject_encodings");

            migrationBuilder.DropColumn(
                name: "GrantDays",
                table: "access_requests");

            migrationBuilder.AddPrimaryKey(
                name: "PK_subject_encodings",
                table: "subject_encodings",
                column: "SignalId");
        }
    }
}
