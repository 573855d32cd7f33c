using System.Diagnostics;
using SharingHub.Hub.Audit.Records;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Tests.Audit;

/// <summary>Synthetic audit records: fixed ids, pseudonyms made from counter bytes (never from identifiers).</summary>
internal static class AuditSamples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    public static Pseudonym Pseudonym(int seed)
    {
        var hash = new byte[32];
        BitConverter.GetBytes(seed).CopyTo(hash, 0);
        hash[31] = 0x5a;
        return new Pseudonym(PseudonymKind.Bsn, 1, hash);
    }

    public static AuditRecord Disclosure(int seed, AuditSubject? subject = null, string convenant = "riec") => new()
    {
        TraceId = ActivityTraceId.CreateFromString("0af7651916cd43dd8448eb211c80319c"),
        SpanId = ActivitySpanId.CreateFromString("b7ad6b7169203331"),
        Operation = AuditOperations.Disclosure,
        StartTime = Start.AddSeconds(seed),
        EndTime = Start.AddSeconds(seed).AddMilliseconds(12),
        ProcessingActivityId = "riec-informatie-delen",
        Subject = subject ?? AuditSubject.From(Pseudonym(seed)),
        ConvenantId = convenant,
        ConvenantVersion = "sha256:1f2e",
        Purpose = "bestuurlijke-aanpak",
        LegalGround = "RIEC-G-01",
        Partner = "gemeente-test",
        Role = "casusregisseur",
        Actor = "client:gemeente-system",
        Approvers = ["person:p-17", "person:p-23"],
        Recipient = "politie-test",
        RecipientRole = "analist",
        DataCategories = ["identificerend", "financieel"],
        Reidentified = seed % 2 == 0,
        DecisionReasons = ["RIEC-F-07"],
    };
}
