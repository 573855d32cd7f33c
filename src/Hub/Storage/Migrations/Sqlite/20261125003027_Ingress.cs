using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingHub.Hub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ingress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "domain_keys",
                columns: table => new
                {
                    Domain = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domain_keys", x => new { x.Domain, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "subjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConvenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    SubjectType = table.Column<int>(type: "INTEGER", nullable: false),
                    Anchor = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vault_data_keys",
                columns: table => new
                {
                    SubjectId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 128, nullable: false),
                    DataKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MasterKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Wrapped = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vault_data_keys", x => x.SubjectId);
                });

            migrationBuilder.CreateTable(
                name: "vault_master_keys",
                columns: table => new
                {
                    MasterKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Protected = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vault_master_keys", x => x.MasterKeyId);
                });

            migrationBuilder.CreateTable(
                name: "signals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConvenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1024, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    IsMinor = table.Column<bool>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: true),
                    Identity = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Reporter = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TraceId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_signals_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subject_keys",
                columns: table => new
                {
                    Pseudonym = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConvenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_keys", x => new { x.SubjectId, x.Pseudonym });
                    table.ForeignKey(
                        name: "FK_subject_keys_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subject_refs",
                columns: table => new
                {
                    ConvenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_refs", x => new { x.ConvenantId, x.PartnerId, x.Reference });
                    table.ForeignKey(
                        name: "FK_subject_refs_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "signal_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", unicode: false, maxLength: 128, nullable: false),
                    ScrubbedName = table.Column<string>(type: "TEXT", unicode: false, maxLength: 128, nullable: true),
                    Shareable = table.Column<bool>(type: "INTEGER", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signal_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_signal_documents_signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_signal_documents_SignalId",
                table: "signal_documents",
                column: "SignalId");

            migrationBuilder.CreateIndex(
                name: "IX_signals_ConvenantId_SubjectId",
                table: "signals",
                columns: new[] { "ConvenantId", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_signals_SubjectId",
                table: "signals",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_subject_keys_ConvenantId_Pseudonym",
                table: "subject_keys",
                columns: new[] { "ConvenantId", "Pseudonym" });

            migrationBuilder.CreateIndex(
                name: "IX_subject_refs_SubjectId_PartnerId",
                table: "subject_refs",
                columns: new[] { "SubjectId", "PartnerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subjects_ConvenantId",
                table: "subjects",
                column: "ConvenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "domain_keys");

            migrationBuilder.DropTable(
                name: "signal_documents");

            migrationBuilder.DropTable(
                name: "subject_keys");

            migrationBuilder.DropTable(
                name: "subject_refs");

            migrationBuilder.DropTable(
                name: "vault_data_keys");

            migrationBuilder.DropTable(
                name: "vault_master_keys");

            migrationBuilder.DropTable(
                name: "signals");

            migrationBuilder.DropTable(
                name: "subjects");
        }
    }
}
