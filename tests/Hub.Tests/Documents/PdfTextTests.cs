using SharingHub.Hub.Documents;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace SharingHub.Hub.Tests.Documents;

public sealed class PdfTextTests
{
    // Synthetic identifiers: the BSN passes the elfproef, the IBAN its mod-97 check.
    internal const string Bsn = "123456782";
    internal const string Postcode = "1234 AB";
    internal const string Iban = "NL91ABNA0417164300";
    internal const string Name = "Jan de Vries";
    internal const string Phone = "06-12345678";

    internal static readonly string[] Identifiers = [Bsn, Postcode, Iban, Name, Phone, "Kerkstraat 12"];

    /// <summary>A letter as a municipality would write it, one line per entry, all in one page.</summary>
    internal static byte[] Letter(int pages = 1, Standard14Font font = Standard14Font.Helvetica)
    {
        var builder = new PdfDocumentBuilder();
        var added = builder.AddStandard14Font(font);
        for (var p = 1; p <= pages; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            var lines = new[]
            {
                $"Gemeente Utrecht, pagina {p}",
                $"Betreft: {Name}, BSN {Bsn}",
                $"Adres: Kerkstraat 12, {Postcode} Utrecht",
                $"Rekening {Iban}, telefoon {Phone}",
                "Zorg over de veiligheid van het gezin.",
            };
            for (var i = 0; i < lines.Length; i++)
            {
                page.AddText(lines[i], 11, new PdfPoint(60, 780 - (i * 16)), added);
            }
        }

        return builder.Build();
    }

    [Fact]
    public void Extract_DutchLetter_IdentifiersComeOutContiguous()
    {
        var result = PdfText.Extract(Letter());

        Assert.True(result.IsSuccess, result.Message);
        foreach (var identifier in Identifiers)
        {
            Assert.Contains(identifier, result.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Extract_DutchLetter_LinesInReadingOrder()
    {
        var result = PdfText.Extract(Letter());

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(
            "Gemeente Utrecht, pagina 1\n" +
            $"Betreft: {Name}, BSN {Bsn}\n" +
            $"Adres: Kerkstraat 12, {Postcode} Utrecht\n" +
            $"Rekening {Iban}, telefoon {Phone}\n" +
            "Zorg over de veiligheid van het gezin.",
            result.Text);
        Assert.Equal(1, result.PageCount);
        Assert.Equal(0, result.PagesWithoutText);
    }

    [Theory]
    [InlineData(Standard14Font.TimesRoman)]
    [InlineData(Standard14Font.Courier)]
    [InlineData(Standard14Font.HelveticaBold)]
    public void Extract_OtherStandardFonts_IdentifiersContiguous(Standard14Font font)
    {
        var result = PdfText.Extract(Letter(font: font));

        Assert.True(result.IsSuccess, result.Message);
        Assert.All(Identifiers, id => Assert.Contains(id, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_ThreePages_PagesInOrderSeparatedByBlankLine()
    {
        var result = PdfText.Extract(Letter(pages: 3));

        Assert.True(result.IsSuccess, result.Message);
        var pages = result.Text.Split("\n\n");
        Assert.Equal(3, pages.Length);
        for (var p = 0; p < 3; p++)
        {
            Assert.StartsWith($"Gemeente Utrecht, pagina {p + 1}\n", pages[p], StringComparison.Ordinal);
            Assert.DoesNotContain("\n\n", pages[p], StringComparison.Ordinal);
        }

        Assert.Equal(3, result.PageCount);
    }

    [Fact]
    public void Extract_TextDrawnBottomUp_ComesOutInDrawingOrder()
    {
        // Content order, not geometry: the lower line was drawn first, so it comes first.
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.AddText("onder", 11, new PdfPoint(60, 600), font);
        page.AddText("boven", 11, new PdfPoint(60, 700), font);

        var result = PdfText.Extract(builder.Build());

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal("onder\nboven", result.Text);
    }

    [Fact]
    public void Extract_RunsPlacedSideBySide_SpaceOnlyWhereTheGapIsWide()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var first = page.AddText("NL91ABNA", 11, new PdfPoint(60, 700), font);
        var end = first[^1].EndBaseLine.X;
        var second = page.AddText("0417164300", 11, new PdfPoint(end, 700), font);
        page.AddText("1234", 11, new PdfPoint(60, 650), font);
        page.AddText("AB", 11, new PdfPoint(60 + 40, 650), font);

        var result = PdfText.Extract(builder.Build());

        Assert.True(result.IsSuccess, result.Message);
        Assert.NotEmpty(second);
        Assert.Equal($"{Iban}\n{Postcode}", result.Text);
    }

    [Fact]
    public void Extract_KernedTextArrays_TightKerningJoinsWideGapSeparates()
    {
        // TJ offsets are thousandths of the font size: -15/20 are kerning inside a word, -300 is a word gap.
        var result = PdfText.Extract(RawPdf.Page(
            "BT /F1 11 Tf 10 150 Td [(NL91)-15(ABNA)20(0417164300)] TJ ET BT /F1 11 Tf 10 120 Td [(1234)-300(AB)] TJ ET",
            filter: ""));

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal($"{Iban}\n{Postcode}", result.Text);
    }

    [Fact]
    public void Extract_FakeBoldDrawnTwice_IdentifierOnce()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.AddText(Bsn, 11, new PdfPoint(60, 700), font);
        page.AddText(Bsn, 11, new PdfPoint(60.3, 700), font);

        var result = PdfText.Extract(builder.Build());

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(Bsn, result.Text);
    }

    [Fact]
    public void Extract_AccentedDutchInWinAnsi_ComposedText()
    {
        var result = PdfText.Extract(RawPdf.Page("BT /F1 12 Tf 10 100 Td (Ru\\357ne caf\\351 Zee\\353n) Tj ET", "", copies: 1));

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal("Ru\u00EFne caf\u00E9 Zee\u00EBn", result.Text);
    }

    [Theory]
    [InlineData("1234\u00AD56782", "123456782")] // soft hyphen
    [InlineData("NL91\u200BABNA0417164300", Iban)] // zero-width space
    [InlineData("1234\u00A0AB", Postcode)] // no-break space
    [InlineData("06\u2011\uFEFF12345678", "06\u201112345678")] // BOM removed, non-breaking hyphen kept
    [InlineData("Gri\uFB03oen", "Griffioen")] // ffi ligature
    [InlineData("\uFF11\uFF12\uFF13", "123")] // full-width digits
    [InlineData("  a \t  b  \r\n\n  c  ", "a b\nc")]
    [InlineData("e\u0301", "\u00E9")] // NFC
    public void Normalise_HostileOrQuirkyCharacters_ScrubberFriendly(string raw, string expected) =>
        Assert.Equal(expected, PdfText.Normalise(raw));

    [Fact]
    public void Normalise_LoneSurrogate_ReplacementCharacter() =>
        Assert.Equal("x\uFFFDy\uD83D\uDE00", PdfText.Normalise(new string(['x', '\uD800', 'y', '\uD83D', '\uDE00'])));

    [Theory]
    [InlineData("a\u0323\u0302", "\u1EAD")] // a + dot below + circumflex → ậ
    [InlineData("Zee\u0308n", "Ze\u00EBn")]
    [InlineData("\u0301e", "\u0301e")] // a mark without a letter before it stays
    [InlineData("\u0398\u0301", "\u0398\u0301")] // no composed form exists
    public void Normalise_CombiningMarks_ComposedLikeNfc(string raw, string expected) =>
        Assert.Equal(expected, PdfText.Normalise(raw));

    [Fact]
    public void Extract_OnlyVectorGraphics_NoTextCodeAndNoText()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 200, 100, 2, fill: true);
        page.DrawLine(new PdfPoint(10, 10), new PdfPoint(500, 700));

        var result = PdfText.Extract(builder.Build());

        Assert.False(result.IsSuccess);
        Assert.Null(result.Text);
        Assert.Equal(PdfText.NoTextCode, result.Code);
        Assert.Equal(1, result.PageCount);
    }

    [Fact]
    public void Extract_ScannedPagesOnly_NoTextCode()
    {
        // A "scan": every page is one CCITT G4 image and nothing else. The image data is never decoded.
        var builder = new PdfDocumentBuilder();
        var scan = new byte[2048];
        new Bogus.Randomizer(7).Bytes(scan.Length).CopyTo(scan, 0);
        for (var p = 0; p < 2; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddCcittG4(scan, 1728, 2200, new PdfRectangle(0, 0, 595, 842));
        }

        var result = PdfText.Extract(builder.Build());

        Assert.False(result.IsSuccess);
        Assert.Equal(PdfText.NoTextCode, result.Code);
        Assert.Equal(2, result.PageCount);
    }

    [Fact]
    public void Extract_ScannedPageBetweenTextPages_TextWithCountOfPagesWithoutText()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("eerste", 11, new PdfPoint(60, 700), font);
        builder.AddPage(PageSize.A4).AddCcittG4(new byte[64], 64, 64, new PdfRectangle(0, 0, 100, 100));
        builder.AddPage(PageSize.A4).AddText("derde", 11, new PdfPoint(60, 700), font);

        var result = PdfText.Extract(builder.Build());

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal("eerste\n\nderde", result.Text);
        Assert.Equal(3, result.PageCount);
        Assert.Equal(1, result.PagesWithoutText);
    }

    [Fact]
    public void Extract_MorePagesThanLimit_BeyondLimitsCode()
    {
        var result = PdfText.Extract(Letter(pages: 3), PdfTextLimits.Default with { MaxPages = 2 });

        Assert.Equal(PdfText.BeyondLimitsCode, result.Code);
        Assert.Null(result.Text);
        Assert.Equal(3, result.PageCount);
    }

    [Fact]
    public void Extract_PagesAtLimit_Succeeds() =>
        Assert.True(PdfText.Extract(Letter(pages: 3), PdfTextLimits.Default with { MaxPages = 3 }).IsSuccess);

    [Fact]
    public void Extract_MoreCharactersThanLimit_BeyondLimitsCode()
    {
        var result = PdfText.Extract(Letter(pages: 2), PdfTextLimits.Default with { MaxCharacters = 200 });

        Assert.Equal(PdfText.BeyondLimitsCode, result.Code);
        Assert.Null(result.Text);
    }

    [Fact]
    public void Extract_DefaultLimits_AreTheDocumentedOnes()
    {
        Assert.Equal(200, PdfTextLimits.Default.MaxPages);
        Assert.Equal(2_000_000, PdfTextLimits.Default.MaxCharacters);
    }

    [Fact]
    public void Extract_InvalidLimits_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PdfText.Extract(Letter(), PdfTextLimits.Default with { MaxPages = 0 }));

    [Fact]
    public void ToString_Success_ShowsCountsNotText()
    {
        var result = PdfText.Extract(Letter());

        Assert.True(result.IsSuccess);
        var shown = result.ToString();
        Assert.Contains("Success", shown, StringComparison.Ordinal);
        Assert.All(Identifiers, id => Assert.DoesNotContain(id, shown, StringComparison.Ordinal));
        Assert.DoesNotContain("Gemeente", shown, StringComparison.Ordinal);
    }
}
