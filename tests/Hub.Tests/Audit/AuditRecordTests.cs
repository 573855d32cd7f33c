using System.Diagnostics;
using System.Text;
using Bogus;
using SharingHub.Hub.Audit.Merkle;
using SharingHub.Hub.Audit.Records;

namespace SharingHub.Hub.Tests.Audit;

public sealed class AuditRecordTests
{
    [Fact]
    public void Serialize_FixedRecord_IsTheDocumentedCanonicalForm()
    {
        var subject = AuditSubject.From(AuditSamples.Pseudonym(7));
        var record = AuditSamples.Disclosure(7, subject) with { ParentSpanId = null };
        var expected =
            "{\"v\":1,\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"b7ad6b7169203331\",\"parentSpanId\":null," +
            "\"operation\":\"disclosure\",\"status\":\"ok\",\"startTime\":\"2026-11-25T09:30:07.0000000Z\",\"endTime\":\"2026-11-25T09:30:07.0120000Z\"," +
            "\"activityId\":\"riec-informatie-delen\",\"subjectId\":\"" + subject.Id + "\",\"subjectType\":\"pseudonym:bsn\"," +
            "\"convenant\":\"riec\",\"convenantVersion\":\"sha256:1f2e\",\"purpose\":\"bestuurlijke-aanpak\",\"legalGround\":\"RIEC-G-01\"," +
            "\"partner\":\"gemeente-test\",\"role\":\"casusregisseur\",\"actor\":\"client:gemeente-system\",\"approvers\":[\"person:p-17\",\"person:p-23\"]," +
            "\"recipient\":\"politie-test\",\"recipientRole\":\"analist\",\"categories\":[\"identificerend\",\"financieel\"],\"reidentified\":false," +
            "\"reasons\":[\"RIEC-F-07\"],\"resource\":null}";
        Assert.Equal(expected, Encoding.UTF8.GetString(AuditRecordSerializer.Serialize(record)));
        Assert.StartsWith("p1.1.", subject.Id, StringComparison.Ordinal);
    }

    // Pins the exact canonical bytes and RFC 6962 leaf hash: records written by any earlier build must hash the same forever.
    [Fact]
    public void Serialize_EveryFieldSet_PinsCanonicalBytesAndLeafHash()
    {
        var record = AuditSamples.Disclosure(7) with
        {
            ParentSpanId = ActivitySpanId.CreateFromString("00f067aa0ba902b7"),
            Reidentified = true,
            ResourceId = "resource:3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        };
        var expected = Canonical(
            """
            {
            "v":1,
            "traceId":"0af7651916cd43dd8448eb211c80319c",
            "spanId":"b7ad6b7169203331",
            "parentSpanId":"00f067aa0ba902b7",
            "operation":"disclosure",
            "status":"ok",
            "startTime":"2026-11-25T09:30:07.0000000Z",
            "endTime":"2026-11-25T09:30:07.0120000Z",
            "activityId":"riec-informatie-delen",
            "subjectId":"p1.1.BwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFo",
            "subjectType":"pseudonym:bsn",
            "convenant":"riec",
            "convenantVersion":"sha256:1f2e",
            "purpose":"bestuurlijke-aanpak",
            "legalGround":"RIEC-G-01",
            "partner":"gemeente-test",
            "role":"casusregisseur",
            "actor":"client:gemeente-system",
            "approvers":["person:p-17","person:p-23"],
            "recipient":"politie-test",
            "recipientRole":"analist",
            "categories":["identificerend","financieel"],
            "reidentified":true,
            "reasons":["RIEC-F-07"],
            "resource":"resource:3f2504e0-4f89-11d3-9a0c-0305e82c3301"
            }
            """);

        var bytes = AuditRecordSerializer.Serialize(record);

        Assert.Equal(Encoding.UTF8.GetBytes(expected), bytes);
        Assert.Equal("94d86d0c675891bd4e17ad387b3386c12363a63f4385e557a9c455f2cc7b225a", Convert.ToHexStringLower(Rfc6962.HashLeaf(bytes)));
    }

    [Fact]
    public void Serialize_OptionalFieldsAbsent_PinsCanonicalBytesAndLeafHash()
    {
        var record = new AuditRecord
        {
            TraceId = ActivityTraceId.CreateFromString("4bf92f3577b34da6a3ce929d0e0e4736"),
            SpanId = ActivitySpanId.CreateFromString("53995c3f42cd8ad8"),
            Operation = AuditOperations.AuditLogin,
            StartTime = AuditSamples.Start,
            EndTime = AuditSamples.Start,
            ProcessingActivityId = AuditOperations.AuditLogin,
            Subject = AuditSubject.None,
            Actor = "person:auditor-1",
        };
        var expected = Canonical(
            """
            {
            "v":1,
            "traceId":"4bf92f3577b34da6a3ce929d0e0e4736",
            "spanId":"53995c3f42cd8ad8",
            "parentSpanId":null,
            "operation":"audit.login",
            "status":"ok",
            "startTime":"2026-11-25T09:30:00.0000000Z",
            "endTime":"2026-11-25T09:30:00.0000000Z",
            "activityId":"audit.login",
            "subjectId":"",
            "subjectType":"none",
            "convenant":null,
            "convenantVersion":null,
            "purpose":null,
            "legalGround":null,
            "partner":null,
            "role":null,
            "actor":"person:auditor-1",
            "approvers":[],
            "recipient":null,
            "recipientRole":null,
            "categories":[],
            "reidentified":false,
            "reasons":[],
            "resource":null
            }
            """);

        var bytes = AuditRecordSerializer.Serialize(record);

        Assert.Equal(Encoding.UTF8.GetBytes(expected), bytes);
        Assert.Equal("00eb9ef1caf3899df37f130a4e9126fd25e20fb170cc32b726a1378a2d5e28b8", Convert.ToHexStringLower(Rfc6962.HashLeaf(bytes)));
    }

    [Fact]
    public void Serialize_RandomRecords_DirectWriterEqualsTheJsonWriterForm()
    {
        var random = new Randomizer(20261125);
        for (var n = 0; n < 2000; n++)
        {
            var record = RandomRecord(random);
            var direct = new byte[16];

            var bytes = AuditRecordSerializer.Serialize(record);
            var end = CanonicalRecordWriter.TryWrite(record, ref direct, 0);

            var reference = AuditRecordSerializer.SerializeWithJsonWriter(record);
            Assert.Equal(reference, bytes);
            Assert.Equal(reference, direct.AsSpan(0, end).ToArray()); // written directly, not through the fallback
        }
    }

    [Fact]
    public void SerializeWithLeafHash_RandomRecords_EqualsSerializeThenHashLeaf()
    {
        var random = new Randomizer(7);
        for (var n = 0; n < 200; n++)
        {
            var record = RandomRecord(random);
            var leafHash = new byte[Rfc6962.HashSize];

            var bytes = AuditRecordSerializer.SerializeWithLeafHash(record, leafHash);

            Assert.Equal(AuditRecordSerializer.SerializeWithJsonWriter(record), bytes);
            Assert.Equal(Rfc6962.HashLeaf(bytes), leafHash);
        }
    }

    [Theory]
    [InlineData(1, 1, 1, 0, 0, 0, 0L)]
    [InlineData(999, 12, 31, 23, 59, 59, 9_999_999L)]
    [InlineData(9999, 12, 31, 23, 59, 59, 9_999_999L)]
    [InlineData(2026, 2, 28, 7, 5, 3, 10L)]
    public void Serialize_ExtremeTimes_EqualsTheJsonWriterForm(int year, int month, int day, int hour, int minute, int second, long ticks)
    {
        var time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        var record = AuditSamples.Disclosure(1) with { StartTime = time, EndTime = time };

        var bytes = AuditRecordSerializer.Serialize(record);

        Assert.Equal(AuditRecordSerializer.SerializeWithJsonWriter(record), bytes);
        Assert.Contains("\"startTime\":\"" + AuditRecordSerializer.FormatTime(time) + "\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_OffsetTimes_AreWrittenInUtc()
    {
        var record = AuditSamples.Disclosure(1) with { StartTime = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1)) };
        Assert.Contains("\"startTime\":\"2026-11-25T09:00:00.0000000Z\"", Encoding.UTF8.GetString(AuditRecordSerializer.Serialize(record)), StringComparison.Ordinal);
    }

    [Fact]
    public void TryDeserialize_CanonicalBytes_RoundTripsToSameBytes()
    {
        var bytes = AuditRecordSerializer.Serialize(AuditSamples.Disclosure(4) with { ParentSpanId = ActivitySpanId.CreateFromString("00f067aa0ba902b7"), ResourceId = "resource:abc" });
        var back = AuditRecordSerializer.TryDeserialize(bytes);
        Assert.NotNull(back);
        Assert.Equal(bytes, AuditRecordSerializer.Serialize(back));
        Assert.Null(AuditRecordSerializer.TryDeserialize("{\"v\":2}"u8));
        Assert.Null(AuditRecordSerializer.TryDeserialize("not json"u8));
    }

    [Theory]
    [InlineData("123456782")] // a BSN
    [InlineData("Jan de Vries")] // a name
    [InlineData("jan@example.nl")] // an e-mail address
    [InlineData("1234AB 12")] // postcode + house number
    [InlineData("NL91ABNA0417164300")] // an IBAN is refused as a subject (not a pseudonym)
    public void AuditSubject_PlaintextIdentifier_IsRefused(string identifier)
    {
        Assert.False(AuditSubject.TryParse(identifier, out var subject));
        Assert.Equal(AuditSubject.TypeNone, subject.Type);
    }

    [Theory]
    [InlineData("123456782")]
    [InlineData("Jan de Vries")]
    [InlineData("jan@example.nl")]
    [InlineData("")]
    public void Record_PlaintextInIdField_ThrowsWithoutEchoingTheValue(string value)
    {
        var error = Assert.Throws<AuditRecordException>(() => AuditSamples.Disclosure(1) with { Purpose = value });
        Assert.Equal("SH3520", error.Code);
        Assert.Equal("Purpose", error.Field);
        if (value.Length > 0)
        {
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        }

        Assert.Throws<AuditRecordException>(() => AuditSamples.Disclosure(1) with { Approvers = ["person:ok", value] });
        Assert.Throws<AuditRecordException>(() => AuditSamples.Disclosure(1) with { Actor = value });
    }

    [Fact]
    public void Record_DefaultTraceOrSpan_IsRefused()
    {
        Assert.Throws<AuditRecordException>(() => AuditSamples.Disclosure(1) with { TraceId = default });
        Assert.Throws<AuditRecordException>(() => AuditSamples.Disclosure(1) with { SpanId = default });
    }

    [Fact]
    public void ToString_ShowsNoSubjectOrIds()
    {
        var record = AuditSamples.Disclosure(3);
        var text = record.ToString();
        Assert.DoesNotContain(record.Subject.Id, text, StringComparison.Ordinal);
        Assert.DoesNotContain("gemeente-test", text, StringComparison.Ordinal);
        Assert.DoesNotContain(record.Subject.Id, record.Subject.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A canonical record written one member per line for review; the line breaks are not part of it.</summary>
    internal static string Canonical(string lines) => lines.ReplaceLineEndings(string.Empty);

    // Every character an id may hold, '/' included; lengths up to the maximum; optional fields absent at random.
    private static AuditRecord RandomRecord(Randomizer random)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:/-";
        string Id() => (char)('a' + random.Int(0, 25)) + new string(Enumerable.Range(0, random.Int(0, AuditId.MaxLength - 1)).Select(_ => Alphabet[random.Int(0, Alphabet.Length - 1)]).ToArray());
        string? Optional() => random.Int(0, 2) == 0 ? null : Id();
        string[] Ids() => Enumerable.Range(0, random.Int(0, 3)).Select(_ => Id()).ToArray();
        var hash = random.Bytes(32);
        var start = new DateTimeOffset(random.Long(DateTimeOffset.MinValue.Ticks + TimeSpan.TicksPerDay, DateTimeOffset.MaxValue.Ticks - TimeSpan.TicksPerDay), TimeSpan.FromMinutes(random.Int(-840, 840)));
        var subject = random.Int(0, 2) switch
        {
            0 => AuditSubject.None,
            1 => AuditSubject.From(new SharingHub.Pseudonymisation.Pseudonyms.SubjectReference(random.Int(1, int.MaxValue), hash)),
            _ => AuditSubject.From(new SharingHub.Pseudonymisation.Pseudonyms.Pseudonym((SharingHub.Pseudonymisation.Pseudonyms.PseudonymKind)random.Int(1, 10), random.Int(1, 999), hash)),
        };
        return new AuditRecord
        {
            TraceId = ActivityTraceId.CreateFromBytes(random.Bytes(16)),
            SpanId = ActivitySpanId.CreateFromBytes(random.Bytes(8)),
            ParentSpanId = random.Bool() ? null : ActivitySpanId.CreateFromBytes(random.Bytes(8)),
            Operation = Id(),
            Status = Id(),
            StartTime = start,
            EndTime = start.AddTicks(random.Int(0, int.MaxValue - 1)),
            ProcessingActivityId = Id(),
            Subject = subject,
            ConvenantId = Optional(),
            ConvenantVersion = Optional(),
            Purpose = Optional(),
            LegalGround = Optional(),
            Partner = Optional(),
            Role = Optional(),
            Actor = Id(),
            Approvers = Ids(),
            Recipient = Optional(),
            RecipientRole = Optional(),
            DataCategories = Ids(),
            Reidentified = random.Bool(),
            DecisionReasons = Ids(),
            ResourceId = Optional(),
        };
    }
}
