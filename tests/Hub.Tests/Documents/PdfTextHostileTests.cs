using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SharingHub.Hub.Documents;

namespace SharingHub.Hub.Tests.Documents;

/// <summary>Hand-written and damaged PDFs: every one yields a coded result, never an exception, never document text in a message.</summary>
public sealed class PdfTextHostileTests
{
    private const string Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

    [Theory]
    [InlineData("")]
    [InlineData("%PDF-")]
    [InlineData("%PDF-1.7\n")]
    [InlineData("Hello, this is not a PDF")]
    [InlineData("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R")]
    [InlineData("%PDF-1.4\n%\u00e2\u00e3\n garbage garbage 0 obj >> endobj xref trailer startxref 99999\n%%EOF")]
    public void Extract_GarbageOrTruncated_MalformedCode(string content)
    {
        var result = PdfText.Extract(Encoding.Latin1.GetBytes(content));

        Assert.False(result.IsSuccess);
        Assert.Equal(PdfText.MalformedCode, result.Code);
    }

    [Fact]
    public void Extract_RandomBytesAfterHeader_MalformedCode()
    {
        var bytes = new Bogus.Randomizer(42).Bytes(4096);
        "%PDF-1.7\n"u8.CopyTo(bytes);

        var result = PdfText.Extract(bytes);

        Assert.Equal(PdfText.MalformedCode, result.Code);
    }

    [Fact]
    public void Extract_LetterTruncatedBeforeItsPageTree_MalformedCode()
    {
        var letter = PdfTextTests.Letter();
        var result = PdfText.Extract(letter.AsMemory(0, 40));

        Assert.Equal(PdfText.MalformedCode, result.Code);
    }

    [Fact]
    public void Extract_EncryptedWithUnknownUserPassword_EncryptedCode()
    {
        var o = new string('a', 64);
        var u = new string('b', 64);
        var pdf = RawPdf.Build(
            [
                new("<< /Type /Catalog /Pages 2 0 R >>"),
                new("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                new("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>"),
                new("", Encoding.Latin1.GetBytes("0123456789abcdef")),
                new($"<< /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -44 >>"),
            ],
            "/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]");

        var result = PdfText.Extract(pdf);

        Assert.Equal(PdfText.EncryptedCode, result.Code);
        Assert.Null(result.Text);
    }

    [Fact]
    public void Extract_EncryptedWithEmptyUserPassword_TextExtracted()
    {
        // Owner-password-only "protection" (printing/copying restrictions): every reader opens it without asking,
        // so it is not password-protected for our purposes and its text is scrubbed like any other.
        var pdf = Rc4Pdf.WithEmptyUserPassword($"BT /F1 12 Tf 10 100 Td ({PdfTextTests.Bsn}) Tj ET");

        var result = PdfText.Extract(pdf);

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(PdfTextTests.Bsn, result.Text);
    }

    [Fact]
    public void Extract_FlateBomb_BeyondLimitsCode()
    {
        var content = "BT /F1 12 Tf 10 10 Td (x) Tj ET\n" + new string(' ', 8 * 1024 * 1024);
        var pdf = RawPdf.Page(content, RawPdf.Flate);

        var result = PdfText.Extract(pdf, PdfTextLimits.Default with { MaxDecodedStreamBytes = 1024 * 1024 });

        Assert.True(pdf.Length < 64 * 1024, "the bomb is small");
        Assert.Equal(PdfText.BeyondLimitsCode, result.Code);
    }

    [Fact]
    public void Extract_FlateStreamWithinLimit_Succeeds()
    {
        var result = PdfText.Extract(RawPdf.Page($"BT /F1 12 Tf 10 100 Td ({PdfTextTests.Bsn}) Tj ET", RawPdf.Flate));

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(PdfTextTests.Bsn, result.Text);
    }

    [Fact]
    public void Extract_FlateBombsAddingUpBeyondTotal_BeyondLimitsCode()
    {
        var content = "BT /F1 12 Tf 10 10 Td (x) Tj ET\n" + new string(' ', 600 * 1024);
        var pdf = RawPdf.Page(content, RawPdf.Flate, copies: 4);

        var result = PdfText.Extract(pdf, PdfTextLimits.Default with { MaxDecodedStreamBytes = 1024 * 1024, MaxDecodedTotalBytes = 2 * 1024 * 1024 });

        Assert.Equal(PdfText.BeyondLimitsCode, result.Code);
    }

    [Fact]
    public void Extract_LzwBomb_BeyondLimitsCode()
    {
        var bomb = Lzw.Bomb(cycles: 2);
        var pdf = RawPdf.Page(bomb, "/Filter /LZWDecode");

        var result = PdfText.Extract(pdf, PdfTextLimits.Default with { MaxDecodedStreamBytes = 1024 * 1024 });

        Assert.True(bomb.Length < 16 * 1024, "the bomb is small");
        Assert.Equal(PdfText.BeyondLimitsCode, result.Code);
    }

    [Fact]
    public void Extract_RunLengthBomb_BeyondLimitsCode()
    {
        var bomb = new byte[2 * 20_000];
        for (var i = 0; i < bomb.Length; i += 2)
        {
            bomb[i] = 129; // repeat the next byte 128 times
            bomb[i + 1] = (byte)' ';
        }

        var result = PdfText.Extract(RawPdf.Page(bomb, "/Filter /RunLengthDecode"), PdfTextLimits.Default with { MaxDecodedStreamBytes = 1024 * 1024 });

        Assert.Equal(PdfText.BeyondLimitsCode, result.Code);
    }

    [Fact]
    public void Extract_TwoFormsDrawingEachOther_MalformedCodeInsteadOfStackOverflow()
    {
        // PdfPig 0.1.16 recurses A → B → A until the process dies; the form graph check stops it first.
        var pdf = RawPdf.Build(
        [
            new("<< /Type /Catalog /Pages 2 0 R >>"),
            new("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            new("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /A 5 0 R >> >> /Contents 4 0 R >>"),
            new("", "/A Do"u8.ToArray()),
            new("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /B 6 0 R >> >>", "/B Do"u8.ToArray()),
            new("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /A 5 0 R >> >>", "/A Do"u8.ToArray()),
        ]);

        var result = PdfText.Extract(pdf);

        Assert.Equal(PdfText.MalformedCode, result.Code);
    }

    [Theory]
    [InlineData("/Resources << /XObject << /A 5 0 R /B 5 0 R >> /Font << /F1 6 0 R >> >>", "/A Do /B Do")] // itself under two names
    [InlineData("", "/A Do")] // itself through the page's resources
    public void Extract_FormDrawingItselfInWaysPdfPigCannotStop_MalformedCode(string resources, string draws)
    {
        // Both recurse in PdfPig 0.1.16 until the process dies (checked in a separate process).
        var pdf = RawPdf.Build(
        [
            new("<< /Type /Catalog /Pages 2 0 R >>"),
            new("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            new("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /A 5 0 R >> /Font << /F1 6 0 R >> >> /Contents 4 0 R >>"),
            new("", "/A Do"u8.ToArray()),
            new($"/Type /XObject /Subtype /Form /BBox [0 0 100 100] {resources}", Encoding.ASCII.GetBytes($"BT /F1 12 Tf 10 10 Td (x) Tj ET {draws}")),
            new(Helvetica),
        ]);

        var result = PdfText.Extract(pdf);

        Assert.Equal(PdfText.MalformedCode, result.Code);
    }

    [Fact]
    public void Extract_FormDrawingItselfUnderOneOwnName_TextAsPdfPigStripsTheSelfReference()
    {
        var pdf = RawPdf.Build(
        [
            new("<< /Type /Catalog /Pages 2 0 R >>"),
            new("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            new("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /P 5 0 R >> >> /Contents 4 0 R >>"),
            new("", "/P Do"u8.ToArray()),
            new("/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Resources << /XObject << /Self 5 0 R >> /Font << /F1 6 0 R >> >>",
                Encoding.ASCII.GetBytes($"BT /F1 12 Tf 10 100 Td ({PdfTextTests.Bsn}) Tj ET /Self Do")),
            new(Helvetica),
        ]);

        var lenient = PdfText.Extract(pdf);
        var strict = PdfText.Extract(pdf, PdfTextLimits.Default with { LenientParsing = false });

        Assert.True(lenient.IsSuccess, lenient.Message);
        Assert.Contains(PdfTextTests.Bsn, lenient.Text, StringComparison.Ordinal);
        Assert.Equal(PdfText.MalformedCode, strict.Code);
    }

    [Fact]
    public void Extract_FormsFanningOut_BeyondLimitsCode()
    {
        // Form k draws form k+1 ten times: 10^8 invocations from a few hundred bytes.
        const int forms = 8;
        var objects = new List<RawObject>
        {
            new("<< /Type /Catalog /Pages 2 0 R >>"),
            new("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            new("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /F 5 0 R >> >> /Contents 4 0 R >>"),
            new("", "/F Do"u8.ToArray()),
        };
        for (var k = 0; k < forms; k++)
        {
            var next = k + 1 < forms ? $"/Resources << /XObject << /F {6 + k} 0 R >> >>" : "/Resources << >>";
            var draws = k + 1 < forms ? string.Concat(Enumerable.Repeat("/F Do ", 10)) : "0 0 1 1 re f";
            objects.Add(new($"/Type /XObject /Subtype /Form /BBox [0 0 10 10] {next}", Encoding.ASCII.GetBytes(draws)));
        }

        var result = PdfText.Extract(RawPdf.Build(objects));

        Assert.Equal(PdfText.BeyondLimitsCode, result.Code);
    }

    [Fact]
    public void Extract_PageShowingMegabytesOfText_BeyondLimitsBeforeLettersAreBuilt()
    {
        // 1.5 MB of glyphs would be ~300 MB of PdfPig letters; refused from the content scan.
        var content = "BT /F1 1 Tf 0 0 Td (" + new string('x', 1_500_000) + ") Tj ET";
        var pdf = RawPdf.Page(content, RawPdf.Flate);

        var result = PdfText.Extract(pdf);

        Assert.True(pdf.Length < 64 * 1024, "the page is small compressed");
        Assert.Equal(PdfText.BeyondLimitsCode, result.Code);
    }

    [Fact]
    public void Extract_FormWithTextDrawnThousandsOfTimes_BeyondLimitsCode()
    {
        // 1,000 glyphs drawn 1,100 times: few invocations, but 1.1 million letters.
        var result = PdfText.Extract(FormDrawnRepeatedly(draws: 1100));
        var allowed = PdfText.Extract(FormDrawnRepeatedly(draws: 50));

        Assert.Equal(PdfText.BeyondLimitsCode, result.Code);
        Assert.True(allowed.IsSuccess, allowed.Message);
        Assert.Equal(50 * 1000, allowed.Text.Count(c => c == 'x'));
    }

    private static byte[] FormDrawnRepeatedly(int draws) => RawPdf.Build(
    [
        new("<< /Type /Catalog /Pages 2 0 R >>"),
        new("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        new("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /T 5 0 R >> >> /Contents 4 0 R >>"),
        new("", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("/T Do ", draws)))),
        new("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font << /F1 6 0 R >> >>",
            Encoding.ASCII.GetBytes("BT /F1 1 Tf 0 0 Td <" + string.Concat(Enumerable.Repeat("78", 1000)) + "> Tj ET")),
        new(Helvetica),
    ]);

    [Fact]
    public void Extract_FormChainDeeperThanLimit_BeyondLimitsCode()
    {
        const int forms = 20;
        var objects = new List<RawObject>
        {
            new("<< /Type /Catalog /Pages 2 0 R >>"),
            new("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            new("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /F 5 0 R >> >> /Contents 4 0 R >>"),
            new("", "/F Do"u8.ToArray()),
        };
        for (var k = 0; k < forms; k++)
        {
            var next = k + 1 < forms ? $"/Resources << /XObject << /F {6 + k} 0 R >> >>" : $"/Resources << /Font << /F1 {5 + forms} 0 R >> >>";
            var draws = k + 1 < forms ? "/F Do" : $"BT /F1 12 Tf 10 10 Td ({PdfTextTests.Bsn}) Tj ET";
            objects.Add(new($"/Type /XObject /Subtype /Form /BBox [0 0 100 100] {next}", Encoding.ASCII.GetBytes(draws)));
        }

        objects.Add(new(Helvetica));
        var pdf = RawPdf.Build(objects);

        var refused = PdfText.Extract(pdf);
        var allowed = PdfText.Extract(pdf, PdfTextLimits.Default with { MaxFormDepth = 32 });

        Assert.Equal(PdfText.BeyondLimitsCode, refused.Code);
        Assert.True(allowed.IsSuccess, allowed.Message);
        Assert.Equal(PdfTextTests.Bsn, allowed.Text);
    }

    [Fact]
    public void Extract_DeeplyNestedArrays_BeyondLimitsCode()
    {
        var nested = new string('[', 100_000) + new string(']', 100_000);
        var pdf = RawPdf.Build(
        [
            new($"<< /Type /Catalog /Pages 2 0 R /Junk {nested} >>"),
            new("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            new("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"),
        ]);

        var result = PdfText.Extract(pdf);

        Assert.Equal(PdfText.BeyondLimitsCode, result.Code);
    }

    [Fact]
    public void Extract_PageTreeReferencingItself_CodedResultWithoutHanging()
    {
        var pdf = RawPdf.Build(
        [
            new("<< /Type /Catalog /Pages 2 0 R >>"),
            new("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"),
            new("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"),
        ]);

        var result = PdfText.Extract(pdf);

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Code, new[] { PdfText.MalformedCode, PdfText.NoTextCode });
    }

    [Fact]
    public void Extract_HugeDeclaredPageCount_BeyondLimitsOrMalformed()
    {
        var pdf = RawPdf.Build(
        [
            new("<< /Type /Catalog /Pages 2 0 R >>"),
            new("<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>"),
            new("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            new("", "BT /F1 12 Tf 10 10 Td (x) Tj ET"u8.ToArray()),
            new(Helvetica),
        ]);

        var result = PdfText.Extract(pdf);

        Assert.False(result.IsSuccess && result.PageCount > PdfTextLimits.Default.MaxPages);
    }

    [Fact]
    public void Extract_TimeBudgetSpent_BeyondLimitsCode()
    {
        var clock = new SteppingTimeProvider(TimeSpan.FromSeconds(1));

        var refused = PdfText.Extract(PdfTextTests.Letter(pages: 5), PdfTextLimits.Default with { TimeBudget = TimeSpan.FromSeconds(3) }, clock);
        var allowed = PdfText.Extract(PdfTextTests.Letter(pages: 5), PdfTextLimits.Default with { TimeBudget = TimeSpan.FromHours(1) }, new SteppingTimeProvider(TimeSpan.FromSeconds(1)));

        Assert.Equal(PdfText.BeyondLimitsCode, refused.Code);
        Assert.True(allowed.IsSuccess, allowed.Message);
    }

    [Fact]
    public void Extract_EveryFailure_MessageNeverContainsDocumentText()
    {
        var letter = PdfTextTests.Letter(pages: 2);
        var garbled = (byte[])letter.Clone();
        for (var i = letter.Length / 3; i < letter.Length; i += 7)
        {
            garbled[i] = (byte)'(';
        }

        var failures = new[]
        {
            PdfText.Extract(letter, PdfTextLimits.Default with { MaxPages = 1 }),
            PdfText.Extract(letter, PdfTextLimits.Default with { MaxCharacters = 50 }),
            PdfText.Extract(letter, PdfTextLimits.Default with { TimeBudget = TimeSpan.Zero }, new SteppingTimeProvider(TimeSpan.FromSeconds(1))),
            PdfText.Extract(letter.AsMemory(0, letter.Length / 2)),
            PdfText.Extract(garbled),
            PdfText.Extract(RawPdf.Page($"BT /F1 12 Tf 10 10 Td ({PdfTextTests.Bsn}) Tj ET", $"/Filter /{PdfTextTests.Iban}")),
        };

        foreach (var result in failures.Where(r => !r.IsSuccess))
        {
            Assert.All(PdfTextTests.Identifiers, id => Assert.DoesNotContain(id, result.Message, StringComparison.OrdinalIgnoreCase));
            Assert.All(PdfTextTests.Identifiers, id => Assert.DoesNotContain(id, result.ToString(), StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("Gemeente", result.Message, StringComparison.Ordinal);
        }

        Assert.True(failures.Count(r => !r.IsSuccess) >= 5, "the limits and the unknown filter must fail");
        Assert.Equal(PdfText.MalformedCode, failures[^1].Code);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Extract_RandomMutationsOfValidPdf_NeverThrow() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).Select(seed => seed).ToArbitrary(),
            seed =>
            {
                var mutated = Mutate(ValidPdf.Value, seed);
                var result = PdfText.Extract(mutated, PdfTextLimits.Default with { TimeBudget = TimeSpan.FromSeconds(10) });
                return result.IsSuccess ? result.Text.Length > 0 : result.Code is "SH3056" or "SH3057" or "SH3058" or "SH3059" && result.Message.Length > 0;
            });

    private static readonly Lazy<byte[]> ValidPdf = new(() => PdfTextTests.Letter(pages: 2));

    private static byte[] Mutate(byte[] original, int seed)
    {
        var random = new Bogus.Randomizer(seed);
        var bytes = (byte[])original.Clone();
        var mutations = random.Number(1, 12);
        for (var m = 0; m < mutations; m++)
        {
            var at = random.Number(0, bytes.Length - 1);
            switch (random.Number(0, 3))
            {
                case 0:
                    bytes[at] = random.Byte();
                    break;
                case 1:
                    bytes[at] = (byte)"()<>[]{}/%0123456789 \nRobjstream"[random.Number(0, 31)];
                    break;
                case 2:
                    Array.Fill(bytes, random.Byte(), at, Math.Min(random.Number(1, 64), bytes.Length - at));
                    break;
                default:
                    Array.Resize(ref bytes, Math.Max(8, at));
                    break;
            }
        }

        return bytes;
    }

    /// <summary>Each timestamp read advances the clock by a fixed step.</summary>
    private sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref ticks, step.Ticks);
    }
}

/// <summary>One object of a hand-written PDF: a dictionary or other token, or a stream (dictionary entries + data).</summary>
internal sealed record RawObject(string Head, byte[]? Stream = null);

/// <summary>Writes PDFs byte by byte with a correct cross-reference table, for inputs no PDF library would write.</summary>
internal static class RawPdf
{
    public const string Flate = "/Filter /FlateDecode";

    public static byte[] Build(IReadOnlyList<RawObject> objects, string trailerExtra = "")
    {
        using var output = new MemoryStream();
        Write(output, "%PDF-1.7\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            var o = objects[i];
            if (o.Stream is null)
            {
                Write(output, $"{i + 1} 0 obj\n{o.Head}\nendobj\n");
            }
            else
            {
                Write(output, $"{i + 1} 0 obj\n<< {o.Head} /Length {o.Stream.Length} >>\nstream\n");
                output.Write(o.Stream);
                Write(output, "\nendstream\nendobj\n");
            }
        }

        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        Write(output, table.ToString());
        Write(output, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    /// <summary>One page (or <paramref name="copies"/> pages sharing nothing) whose content is <paramref name="content"/>, Helvetica as /F1.</summary>
    public static byte[] Page(string content, string filter, int copies = 1) =>
        Page(filter == Flate ? Deflate(Encoding.Latin1.GetBytes(content)) : Encoding.Latin1.GetBytes(content), filter, copies);

    public static byte[] Page(byte[] encodedContent, string filter, int copies = 1)
    {
        var kids = string.Join(' ', Enumerable.Range(0, copies).Select(c => $"{4 + (2 * c)} 0 R"));
        var objects = new List<RawObject>
        {
            new("<< /Type /Catalog /Pages 2 0 R >>"),
            new($"<< /Type /Pages /Kids [{kids}] /Count {copies} >>"),
            new("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
        };
        for (var c = 0; c < copies; c++)
        {
            objects.Add(new($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + (2 * c)} 0 R >>"));
            objects.Add(new(filter, encodedContent));
        }

        return Build(objects);
    }

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static void Write(Stream output, string text) => output.Write(Encoding.Latin1.GetBytes(text));
}

/// <summary>LZW code streams as PdfPig decodes them (9–12 bit codes, MSB first, early change).</summary>
internal static class Lzw
{
    /// <summary>
    /// Clear, 'A', then codes 258, 259, … each naming the entry it creates (output "AA", "AAA", …): about 7 MB per
    /// cycle from about 5 KB of codes.
    /// </summary>
    public static byte[] Bomb(int cycles, int lastCode = 4000)
    {
        var codes = new List<int>();
        for (var c = 0; c < cycles; c++)
        {
            codes.Add(256);
            codes.Add('A');
            for (var code = 258; code <= lastCode; code++)
            {
                codes.Add(code);
            }
        }

        codes.Add(257);
        return Encode(codes);
    }

    /// <summary>Packs codes with the width the decoder expects at each point.</summary>
    public static byte[] Encode(IReadOnlyList<int> codes)
    {
        var bits = new List<bool>();
        var tableCount = 258;
        var previous = -1;
        var width = 9;
        foreach (var code in codes)
        {
            for (var b = width - 1; b >= 0; b--)
            {
                bits.Add(((code >> b) & 1) == 1);
            }

            if (code == 256)
            {
                tableCount = 258;
                previous = -1;
                width = 9;
                continue;
            }

            if (code == 257)
            {
                break;
            }

            if (previous >= 0 || code >= tableCount)
            {
                tableCount++;
            }

            previous = code;
            width = tableCount >= 2047 ? 12 : tableCount >= 1023 ? 11 : tableCount >= 511 ? 10 : 9;
        }

        var bytes = new byte[(bits.Count + 7) / 8];
        for (var i = 0; i < bits.Count; i++)
        {
            if (bits[i])
            {
                bytes[i / 8] |= (byte)(0x80 >> (i % 8));
            }
        }

        return bytes;
    }
}

/// <summary>PDF standard security handler, revision 2 (40-bit RC4), with an empty user password (ISO 32000-1, 7.6.3).</summary>
internal static class Rc4Pdf
{
    private static readonly byte[] Padding = Convert.FromHexString("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");

    public static byte[] WithEmptyUserPassword(string content)
    {
        var owner = Convert.FromHexString("00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF");
        var id = Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF");
        const int permissions = -44;

        // Algorithm 2: file key = MD5(padded password, O, P little-endian, first ID)[0..5]; algorithm 4: U = RC4(key, padding).
        var key = Md5([.. Padding, .. owner, .. BitConverter.GetBytes(permissions), .. id])[..5];
        var user = Rc4(key, Padding);

        // Algorithm 1: object key = MD5(file key, object number (3 bytes LE), generation (2 bytes LE))[..10].
        var objectKey = Md5([.. key, 4, 0, 0, 0, 0])[..10];
        var encrypted = Rc4(objectKey, Encoding.Latin1.GetBytes(content));

        return RawPdf.Build(
            [
                new("<< /Type /Catalog /Pages 2 0 R >>"),
                new("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                new("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
                new("", encrypted),
                new("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                new($"<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> /P {permissions} >>"),
            ],
            $"/Encrypt 6 0 R /ID [<{Convert.ToHexString(id)}> <{Convert.ToHexString(id)}>]");
    }

#pragma warning disable CA5351 // MD5 and RC4 are what the PDF standard security handler revision 2 prescribes.
    private static byte[] Md5(byte[] data) => System.Security.Cryptography.MD5.HashData(data);
#pragma warning restore CA5351

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + s[i]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 0xFF]);
        }

        return output;
    }
}
