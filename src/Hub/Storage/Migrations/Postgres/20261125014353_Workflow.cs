using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingHub.Hub.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Workflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "subjects",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Content",
                table: "signals",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "access_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConvenantId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    ConvenantVersionHash = table.Column<string>(type: "character varying(80)", unicode: false, maxLength: 80, nullable: false),
                    RequesterPartnerId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    RequesterRole = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    RequesterActor = table.Column<string>(type: "character varying(160)", unicode: false, maxLength: 160, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectRef = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Categories = table.Column<string>(type: "character varying(2048)", unicode: false, maxLength: 2048, nullable: false),
                    Fields = table.Column<string>(type: "character varying(2048)", unicode: false, maxLength: 2048, nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    Phase = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Level = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    Counterpart = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    IsMinor = table.Column<bool>(type: "boolean", nullable: false),
                    Necessity = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Proportionality = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Subsidiarity = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    DecidingClause = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(2048)", unicode: false, maxLength: 2048, nullable: false),
                    RequiredGates = table.Column<int>(type: "integer", nullable: false),
                    ApprovedGates = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TraceId = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_access_requests_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "casus",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConvenantId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerPartnerId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    OwnerRole = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Phase = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Level = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casus", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casus_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "signal_members",
                columns: table => new
                {
                    SignalId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Identity = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signal_members", x => new { x.SignalId, x.SubjectId });
                    table.ForeignKey(
                        name: "FK_signal_members_signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_signal_members_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subject_encodings",
                columns: table => new
                {
                    SignalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConvenantId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyVersion = table.Column<int>(type: "integer", nullable: false),
                    Clk = table.Column<byte[]>(type: "bytea", nullable: false),
                    BlockKeys = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_encodings", x => x.SignalId);
                    table.ForeignKey(
                        name: "FK_subject_encodings_signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_subject_encodings_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subject_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConvenantId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedSubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Method = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subject_links_subjects_LinkedSubjectId",
                        column: x => x.LinkedSubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_subject_links_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConvenantId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientPartnerId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    RecipientRole = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Categories = table.Column<string>(type: "character varying(2048)", unicode: false, maxLength: 2048, nullable: false),
                    Fields = table.Column<string>(type: "character varying(2048)", unicode: false, maxLength: 2048, nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    Approvers = table.Column<string>(type: "character varying(2048)", unicode: false, maxLength: 2048, nullable: false),
                    Clause = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(160)", unicode: false, maxLength: 160, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_grants_access_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "access_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_grants_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Gate = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    ReviewerPartnerId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    ReviewerRole = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    ReviewerActor = table.Column<string>(type: "character varying(160)", unicode: false, maxLength: 160, nullable: false),
                    Verdict = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    Motivation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Deliberation = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reviews_access_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "access_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "casus_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CasusId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PartnerId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Actor = table.Column<string>(type: "character varying(160)", unicode: false, maxLength: 160, nullable: false),
                    FromState = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    ToState = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    FromPhase = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    ToPhase = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    FromLevel = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    ToLevel = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    Clauses = table.Column<string>(type: "character varying(2048)", unicode: false, maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casus_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casus_events_casus_CasusId",
                        column: x => x.CasusId,
                        principalTable: "casus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_subjects_MergedIntoId",
                table: "subjects",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_access_requests_ConvenantId_Status",
                table: "access_requests",
                columns: new[] { "ConvenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_access_requests_RequesterPartnerId_CreatedAt",
                table: "access_requests",
                columns: new[] { "RequesterPartnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_access_requests_SubjectId",
                table: "access_requests",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_casus_ConvenantId_OwnerPartnerId",
                table: "casus",
                columns: new[] { "ConvenantId", "OwnerPartnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_casus_ConvenantId_SubjectId",
                table: "casus",
                columns: new[] { "ConvenantId", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_casus_SubjectId",
                table: "casus",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_casus_events_CasusId",
                table: "casus_events",
                column: "CasusId");

            migrationBuilder.CreateIndex(
                name: "IX_grants_ConvenantId_ExpiresAt",
                table: "grants",
                columns: new[] { "ConvenantId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_grants_RequestId",
                table: "grants",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_grants_SubjectId",
                table: "grants",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_reviews_RequestId_ReviewerActor_Gate",
                table: "reviews",
                columns: new[] { "RequestId", "ReviewerActor", "Gate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_signal_members_SubjectId",
                table: "signal_members",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_subject_encodings_ConvenantId_LinkedAt",
                table: "subject_encodings",
                columns: new[] { "ConvenantId", "LinkedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_subject_encodings_SubjectId",
                table: "subject_encodings",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_subject_links_LinkedSubjectId",
                table: "subject_links",
                column: "LinkedSubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_subject_links_SubjectId",
                table: "subject_links",
                column: "SubjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "casus_events");

            migrationBuilder.DropTable(
                name: "grants");

            migrationBuilder.DropTable(
                name: "reviews");

            migrationBuilder.DropTable(
                name: "signal_members");

            migrationBuilder.DropTable(
                name: "subject_encodings");

            migrationBuilder.DropTable(
                name: "subject_links");

            migrationBuilder.DropTable(
                name: "casus");

            migrationBuilder.DropTable(
                name: "access_requests");

            migrationBuilder.DropIndex(
                name: "IX_subjects_MergedIntoId",
                table: "subjects");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "subjects");

            migrationBuilder.DropColumn(
                name: "Content",
                table: "signals");
        }
    }
}
