using System.Diagnostics;
using System.Text;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Merkle;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Processing;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Tests.Audit;

/// <summary>How the hub's processing hook maps ingress steps to audit records; the canonical bytes are pinned (they are hashed into the log).</summary>
public sealed class AuditProcessingLogTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string SpanId = "00f067aa0ba902b7";
    private const string SignalId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private const string VersionHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static readonly DateTimeOffset Started = AuditSamples.Start.AddTicks(1234567);

    public static TheoryData<string, string, string> IngressRecords() => new()
    {
        {
            "decision",
            AuditRecordTests.Canonical(
                """
                {
                "v":1,
                "traceId":"4bf92f3577b34da6a3ce929d0e0e4736",
                "spanId":"00f067aa0ba902b7",
                "parentSpanId":null,
                "operation":"policy.decision",
                "status":"succeeded",
                "startTime":"2026-11-25T09:30:00.1234567Z",
                "endTime":"2026-11-25T09:30:00.1333332Z",
                "activityId":"riec:policy.decision",
                "subjectId":"p1.1.CwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFo",
                "subjectType":"pseudonym:bsn",
                "convenant":"riec",
                "convenantVersion":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "purpose":"aanpak-georganiseerde-criminaliteit",
                "legalGround":null,
                "partner":"gemeente-maastricht",
                "role":"medewerker",
                "actor":"system:demo-gemeente",
                "approvers":[],
                "recipient":null,
                "recipientRole":null,
                "categories":["signaal","identificatie","bsn"],
                "reidentified":false,
                "reasons":["decision:Permit","RIEC-S-01","RIEC-S-02"],
                "resource":null
                }
                """),
            "49127519c55960612362bc04dc0f174adf16c5f8118a8956f63e14248f40c1a6"
        },
        {
            "submitted",
            AuditRecordTests.Canonical(
                """
                {
                "v":1,
                "traceId":"4bf92f3577b34da6a3ce929d0e0e4736",
                "spanId":"00f067aa0ba902b7",
                "parentSpanId":null,
                "operation":"signal.submitted",
                "status":"succeeded",
                "startTime":"2026-11-25T09:30:00.1234567Z",
                "endTime":"2026-11-25T09:30:00.1333332Z",
                "activityId":"riec:signal.submitted",
                "subjectId":"p1.1.CwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFo",
                "subjectType":"pseudonym:bsn",
                "convenant":"riec",
                "convenantVersion":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "purpose":"aanpak-georganiseerde-criminaliteit",
                "legalGround":null,
                "partner":"gemeente-maastricht",
                "role":"medewerker",
                "actor":"system:demo-gemeente",
                "approvers":[],
                "recipient":null,
                "recipientRole":null,
                "categories":["signaal","identificatie","bsn"],
                "reidentified":false,
                "reasons":[],
                "resource":"resource:3f2504e0-4f89-11d3-9a0c-0305e82c3301"
                }
                """),
            "b405ad3eb09b9098a8c4b970952a8f95bd19824010456acf64a426d3550f01ed"
        },
        {
            "match",
            AuditRecordTests.Canonical(
                """
                {
                "v":1,
                "traceId":"4bf92f3577b34da6a3ce929d0e0e4736",
                "spanId":"00f067aa0ba902b7",
                "parentSpanId":null,
                "operation":"linkage.match",
                "status":"succeeded",
                "startTime":"2026-11-25T09:30:00.1234567Z",
                "endTime":"2026-11-25T09:30:00.1333332Z",
                "activityId":"riec:linkage.match",
                "subjectId":"p1.1.CwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFo",
                "subjectType":"pseudonym:bsn",
                "convenant":"riec",
                "convenantVersion":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "purpose":"aanpak-georganiseerde-criminaliteit",
                "legalGround":null,
                "partner":"gemeente-maastricht",
                "role":"medewerker",
                "actor":"system:demo-gemeente",
                "approvers":[],
                "recipient":null,
                "recipientRole":null,
                "categories":["signaal","identificatie","bsn"],
                "reidentified":false,
                "reasons":["match:existing:name-dob"],
                "resource":"resource:3f2504e0-4f89-11d3-9a0c-0305e82c3301"
                }
                """),
            "9b0ceaa4216d9dd3ea26330e977b37d29ed7e0d70aea554f56602e8379d46435"
        },
        {
            "rejected",
            AuditRecordTests.Canonical(
                """
                {
                "v":1,
                "traceId":"4bf92f3577b34da6a3ce929d0e0e4736",
                "spanId":"00f067aa0ba902b7",
                "parentSpanId":null,
                "operation":"signal.submitted",
                "status":"rejected",
                "startTime":"2026-11-25T09:30:00.1234567Z",
                "endTime":"2026-11-25T09:30:00.1333332Z",
                "activityId":"riec:signal.submitted",
                "subjectId":"",
                "subjectType":"none",
                "convenant":"riec",
                "convenantVersion":null,
                "purpose":null,
                "legalGround":null,
                "partner":"gemeente-maastricht",
                "role":null,
                "actor":"system:demo-gemeente",
                "approvers":[],
                "recipient":null,
                "recipientRole":null,
                "categories":[],
                "reidentified":false,
                "reasons":["error:SH1005"],
                "resource":null
                }
                """),
            "a893939ac091e1549f7cb4ab35ff5acbc10649d1ae8fe2ef91e445cf0e827b44"
        },
        {
            "reference",
            AuditRecordTests.Canonical(
                """
                {
                "v":1,
                "traceId":"4bf92f3577b34da6a3ce929d0e0e4736",
                "spanId":"00f067aa0ba902b7",
                "parentSpanId":null,
                "operation":"signal.submitted",
                "status":"succeeded",
                "startTime":"2026-11-25T09:30:00.1234567Z",
                "endTime":"2026-11-25T09:30:00.1333332Z",
                "activityId":"riec:signal.submitted",
                "subjectId":"s1.2.AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA",
                "subjectType":"subject-reference",
                "convenant":"riec",
                "convenantVersion":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "purpose":"aanpak-georganiseerde-criminaliteit",
                "legalGround":null,
                "partner":"gemeente-maastricht",
                "role":"medewerker",
                "actor":"person:p-17",
                "approvers":[],
                "recipient":null,
                "recipientRole":null,
                "categories":["signaal","identificatie","bsn"],
                "reidentified":false,
                "reasons":[],
                "resource":null
                }
                """),
            "6efcc7b3e0b07dc078a9cbdcf4c7655c212d3e631bf12c3e51db97641e90fb7e"
        },
    };

    [Theory]
    [MemberData(nameof(IngressRecords))]
    public void Map_IngressRecord_PinsCanonicalBytesAndLeafHash(string step, string expected, string leafHash)
    {
        var bytes = AuditRecordSerializer.Serialize(AuditProcessingLog.Map(Ingress(step)));

        Assert.Equal(Encoding.UTF8.GetBytes(expected), bytes);
        Assert.Equal(leafHash, Convert.ToHexStringLower(Rfc6962.HashLeaf(bytes)));
    }

    [Fact]
    public void Map_MalformedFields_AreDroppedAndNamedInOrder()
    {
        var record = new ProcessingRecord(
            TraceId, SpanId, "bad op", "", AuditSamples.Start, AuditSamples.Start, "riec 2", "not hex!", "Jan de Vries", "partner 1", "role 1", "demo gemeente",
            "system", ["signaal", "bad value", "bsn"], "123456782", "person", "Per mit", ["RIEC-S-01", "jan@example.nl"], "res ource", "SH 1005");
        var expected = AuditRecordTests.Canonical(
                """
                {
                "v":1,
                "traceId":"4bf92f3577b34da6a3ce929d0e0e4736",
                "spanId":"00f067aa0ba902b7",
                "parentSpanId":null,
                "operation":"unknown-operation",
                "status":"error",
                "startTime":"2026-11-25T09:30:00.0000000Z",
                "endTime":"2026-11-25T09:30:00.0000000Z",
                "activityId":"unknown-operation",
                "subjectId":"",
                "subjectType":"none",
                "convenant":null,
                "convenantVersion":null,
                "purpose":null,
                "legalGround":null,
                "partner":null,
                "role":null,
                "actor":"unknown-actor",
                "approvers":[],
                "recipient":null,
                "recipientRole":null,
                "categories":["signaal","bsn"],
                "reidentified":false,
                "reasons":["RIEC-S-01","dropped:subject","dropped:convenant","dropped:operation","dropped:decision","dropped:error","dropped:resource","dropped:reason","dropped:category","dropped:actor","dropped:status","dropped:convenant-version","dropped:purpose","dropped:partner","dropped:role"],
                "resource":null
                }
                """);

        var bytes = AuditRecordSerializer.Serialize(AuditProcessingLog.Map(record));

        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
        Assert.Equal("edef2ce1af07fa5d662fbc6e4728d8513c3b0172e9f33bcd69131c9b1c23dfec", Convert.ToHexStringLower(Rfc6962.HashLeaf(bytes)));
        foreach (var value in new[] { "123456782", "Jan de Vries", "jan@example.nl", "bad value", "demo gemeente" })
        {
            Assert.DoesNotContain(value, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MapAll_BatchWithRepeatedAndChangingValues_EqualsMappingEachRecordAlone()
    {
        var other = AuditSamples.Pseudonym(12).ToString();
        ProcessingRecord[] batch =
        [
            Ingress("decision"), Ingress("submitted"), Ingress("match"),
            Ingress("decision") with { SubjectPseudonym = other, Decision = "Deny", ConvenantVersionHash = null, ActorType = "person" },
            Ingress("submitted") with { SubjectPseudonym = other, ResourceId = "4f2504e0-4f89-11d3-9a0c-0305e82c3301", ConvenantId = "zvh" },
            Ingress("match") with { SubjectPseudonym = "123456782", TraceId = "", SpanId = "" },
            Ingress("rejected"), Ingress("reference"), Ingress("reference"),
            Ingress("match") with { SubjectPseudonym = other, Status = "not ok", Categories = ["signaal", "not a category"] },
            Ingress("match"),
        ];

        var mapped = AuditProcessingLog.MapAll(batch);

        Assert.Equal(batch.Length, mapped.Length);
        for (var i = 0; i < batch.Length; i++)
        {
            var alone = AuditProcessingLog.Map(batch[i]);
            if (i == 5)
            {
                // A malformed trace or span gets fresh random ids each time; everything else must agree.
                alone = alone with { TraceId = mapped[i].TraceId, SpanId = mapped[i].SpanId };
            }

            Assert.Equal(Encoding.UTF8.GetString(AuditRecordSerializer.Serialize(alone)), Encoding.UTF8.GetString(AuditRecordSerializer.Serialize(mapped[i])));
        }

        Assert.Equal(["decision:Deny", "RIEC-S-01", "RIEC-S-02"], mapped[3].DecisionReasons);
        Assert.Equal(["match:existing:name-dob", "dropped:category", "dropped:status"], mapped[9].DecisionReasons);
        Assert.Equal("pseudonym:bsn", mapped[4].Subject.Type);
        Assert.Equal(AuditSubject.TypeNone, mapped[5].Subject.Type);
        Assert.Equal(mapped[0].Subject, mapped[10].Subject);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("00000000000000000000000000000000", "0000000000000000")]
    [InlineData("4BF92F3577B34DA6A3CE929D0E0E4736", "00F067AA0BA902B7")]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e473", "00f067aa0ba902b")]
    public void Map_MalformedTraceOrSpan_GetsFreshIds(string traceId, string spanId)
    {
        var record = Ingress("submitted") with { TraceId = traceId, SpanId = spanId };

        var first = AuditProcessingLog.Map(record);
        var second = AuditProcessingLog.Map(record);

        Assert.NotEqual(default, first.TraceId);
        Assert.NotEqual(default, first.SpanId);
        Assert.NotEqual(first.TraceId, second.TraceId);
        Assert.NotEqual(first.SpanId, second.SpanId);
    }

    [Fact]
    public void Map_WellFormedTraceAndSpan_AreKept()
    {
        var mapped = AuditProcessingLog.Map(Ingress("match"));

        Assert.Equal(TraceId, mapped.TraceId.ToHexString());
        Assert.Equal(SpanId, mapped.SpanId.ToHexString());
    }

    private static ProcessingRecord Ingress(string step)
    {
        var anchor = AuditSamples.Pseudonym(11).ToString();
        ProcessingRecord Step(string operation, string status, string? subject, string? decision, IReadOnlyList<string> reasons, string? resource, string? error) =>
            new(TraceId, SpanId, operation, status, Started, Started.AddTicks(98765), "riec", VersionHash, "aanpak-georganiseerde-criminaliteit",
                "gemeente-maastricht", "medewerker", "demo-gemeente", "system", ["signaal", "identificatie", "bsn"], subject, "person", decision, reasons, resource, error);
        return step switch
        {
            "decision" => Step(ProcessingOperations.PolicyDecision, ProcessingStatuses.Succeeded, anchor, "Permit", ["RIEC-S-01", "RIEC-S-02"], null, null),
            "submitted" => Step(ProcessingOperations.SignalSubmitted, ProcessingStatuses.Succeeded, anchor, null, [], SignalId, null),
            "match" => Step(ProcessingOperations.LinkageMatch, ProcessingStatuses.Succeeded, anchor, null, ["match:existing:name-dob"], SignalId, null),
            "rejected" => Step(ProcessingOperations.SignalSubmitted, ProcessingStatuses.Rejected, null, null, [], null, "SH1005")
                with { Purpose = null, Role = null, Categories = [], ConvenantVersionHash = null },
            "reference" => Step(ProcessingOperations.SignalSubmitted, ProcessingStatuses.Succeeded,
                new SubjectReference(2, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()).ToString(), null, [], null, null) with { ActorType = "person", Actor = "p-17" },
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }
}
