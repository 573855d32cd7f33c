using System.Security.Cryptography;
using System.Text;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing;

public sealed class ScrubberTests
{
    private const string Note =
        "Op 12-03-2024 meldde mevrouw Jansen dat haar buurman, de heer P. de Vries (geb. 04-11-1978), BSN 111222333, " +
        "met de auto 12-ABC-3 de oprit van Kerkstraat 12a, 1234 AB Utrecht blokkeert. Bel 06-12345678 of mail p.devries@voorbeeld.nl. " +
        "Betaling via NL91 ABNA 0417 1643 00.";

    [Fact]
    public void Scrub_PoliceNote_ReplacesEveryIdentifierWithTypedToken()
    {
        var result = ScrubberFactory.Create().Scrub(Note);

        Assert.Equal(
            [ScrubEntityType.Person, ScrubEntityType.Person, ScrubEntityType.DateOfBirth, ScrubEntityType.Bsn, ScrubEntityType.Kenteken,
             ScrubEntityType.Address, ScrubEntityType.Address, ScrubEntityType.Phone, ScrubEntityType.Email, ScrubEntityType.Iban],
            result.Findings.Select(f => f.Type));
        foreach (var secret in new[] { "Jansen", "Vries", "04-11-1978", "111222333", "12-ABC-3", "Kerkstraat", "1234 AB", "06-12345678", "voorbeeld.nl", "ABNA" })
        {
            Assert.DoesNotContain(secret, result.Text, StringComparison.Ordinal);
        }

        Assert.Contains("12-03-2024", result.Text, StringComparison.Ordinal); // the incident date stays
        Assert.Contains("mevrouw [PERSOON-", result.Text, StringComparison.Ordinal);
        Assert.Matches(@"^\[BSN-[0-9a-f]{4}\]$", result.Findings[3].Token);
    }

    [Fact]
    public void Scrub_Findings_PointIntoTheOriginalText()
    {
        var result = ScrubberFactory.Create().Scrub(Note);
        var bsn = Assert.Single(result.Findings, f => f.Type == ScrubEntityType.Bsn);
        Assert.Equal("111222333", Note.Substring(bsn.Start, bsn.Length));
        Assert.Equal("bsn", bsn.Recogniser);
        Assert.True(bsn.Evidence.HasFlag(ScrubEvidence.ChecksumPassed));
        Assert.True(result.Findings.Zip(result.Findings.Skip(1)).All(p => p.First.End <= p.Second.Start));
    }

    [Fact]
    public void Scrub_SameValueTwice_SameToken()
    {
        var result = ScrubberFactory.Create().Scrub("BSN 111222333 en later bsn 111.222.333 opnieuw; BSN 123456782 is een ander.");
        Assert.Equal(3, result.Findings.Count);
        Assert.Equal(result.Findings[0].Token, result.Findings[1].Token);
        Assert.NotEqual(result.Findings[0].Token, result.Findings[2].Token);
    }

    [Fact]
    public void Scrub_TokenId_IsHmacOfTypeAndNormalisedValue()
    {
        // Independent computation with the BCL: HMAC-SHA256(key, "BSN" ‖ 0x1F ‖ "111222333"), first 4 hex characters.
        var mac = HMACSHA256.HashData(ScrubberFactory.TestKey, (byte[])[.. Encoding.UTF8.GetBytes("BSN"), 0x1F, .. Encoding.UTF8.GetBytes("111222333")]);
        var expected = "[BSN-" + Convert.ToHexStringLower(mac)[..4] + "]";
        var result = ScrubberFactory.Create().Scrub("bsn 111.222.333");
        Assert.Equal(expected, Assert.Single(result.Findings).Token);
    }

    [Fact]
    public void Scrub_DifferentKey_DifferentTokens()
    {
        var other = new Scrubber(new ScrubberOptions(RandomNumberGenerator.GetBytes(32)));
        var text = "BSN 111222333, IBAN NL91ABNA0417164300, mail a@b.nl";
        var first = ScrubberFactory.Create(tokenHexLength: 16).Scrub(text);
        var second = new Scrubber(new ScrubberOptions(RandomNumberGenerator.GetBytes(32)) { TokenHexLength = 16 }).Scrub(text);
        Assert.Equal(3, first.Findings.Count);
        Assert.All(first.Findings.Zip(second.Findings), pair => Assert.NotEqual(pair.First.Token, pair.Second.Token));
        Assert.Equal(3, other.Scrub(text).Findings.Count);
    }

    [Fact]
    public void Scrub_CollidingPrefixes_ExtendsTokensUntilDistinct()
    {
        // With one hex character there are only 16 ids: 40 different e-mail addresses must collide, and the
        // scrubber must lengthen the ids so that different values still get different tokens.
        var addresses = Enumerable.Range(0, 40).Select(i => $"persoon{i}@voorbeeld.nl").ToList();
        var text = string.Join(", ", addresses) + ", " + addresses[7];
        var result = ScrubberFactory.Create(tokenHexLength: 1).Scrub(text);

        Assert.Equal(41, result.Findings.Count);
        Assert.Equal(40, result.Findings.Take(40).Select(f => f.Token).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(result.Findings[7].Token, result.Findings[40].Token);
        Assert.Contains(result.Findings, f => f.Token.Length > "[EMAIL-x]".Length);
    }

    [Fact]
    public void Scrub_KnownPersonWithPseudonym_TokenBoundToPseudonym()
    {
        var scrubber = ScrubberFactory.Create();
        var person = new KnownPerson("Pieter", null, "Jansen", "p1.7.c3ViamVjdA");
        var first = scrubber.Scrub("Pieter Jansen kwam langs. Later zei P. Jansen dat hij ziek was.", [person]);
        var second = scrubber.Scrub("In een ander document: Jansen.", [person]);

        Assert.Equal(2, first.Findings.Count);
        Assert.Single(first.Findings.Select(f => f.Token).Distinct());
        Assert.Equal(first.Findings[0].Token, Assert.Single(second.Findings).Token);

        var mac = HMACSHA256.HashData(ScrubberFactory.TestKey, (byte[])[.. Encoding.UTF8.GetBytes("PERSOON"), 0x1F, .. Encoding.UTF8.GetBytes("pseudonym:p1.7.c3ViamVjdA")]);
        Assert.Equal("[PERSOON-" + Convert.ToHexStringLower(mac)[..4] + "]", first.Findings[0].Token);
    }

    [Fact]
    public void Scrub_NameFromContext_LaterMentionsGetSameToken()
    {
        var result = ScrubberFactory.Create().Scrub("Melder Jeroen de Graaf wil anoniem blijven. De Graaf is bang. Later belde De Graaf opnieuw.");
        Assert.Equal(3, result.Findings.Count);
        Assert.Single(result.Findings.Select(f => f.Token).Distinct());
        Assert.Equal("name-propagation", result.Findings[1].Recogniser);
        Assert.DoesNotContain("Graaf", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_TypeLabelOperator_ConfiguredPerType()
    {
        var options = new ScrubberOptions(ScrubberFactory.TestKey)
        {
            Operators = new Dictionary<ScrubEntityType, ScrubOperatorKind> { [ScrubEntityType.Bsn] = ScrubOperatorKind.TypeLabel },
        };
        var result = new Scrubber(options).Scrub("BSN 111222333, mail a@b.nl");
        Assert.StartsWith("BSN [BSN], mail [EMAIL-", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_MinimumScore_DropsWeakDetections()
    {
        var strict = new Scrubber(new ScrubberOptions(ScrubberFactory.TestKey) { MinimumScore = 0.9 });
        Assert.Empty(strict.Scrub("Nummer 123456782 in het register.").Findings); // 11-proef without context: 0.6
        Assert.Single(ScrubberFactory.Create().Scrub("Nummer 123456782 in het register.").Findings);
        Assert.Single(strict.Scrub("BSN 123456782.").Findings);
    }

    [Fact]
    public void Scrub_OverlapOfDifferentTypes_HighestScoreWins()
    {
        // "1234AB" is sidecode 2 as well as a postcode; with a house number the address (0.9) beats the plate (0.8).
        var result = ScrubberFactory.Create().Scrub("De auto staat bij 1234AB 12.");
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ScrubEntityType.Address, finding.Type);
        Assert.Equal("1234AB 12".Length, finding.Length);
    }

    [Fact]
    public void Scrub_CapitalisedWordsAtSentenceStart_AreNotNames()
    {
        const string text = "Vervolgens ging de politie langs. Daarna volgde een gesprek. Gisteren was het rustig. " +
            "Bewoners klaagden over geluid. Melder wil anoniem blijven. Moeder en kind zijn veilig. Politie Eenheid Den Haag " +
            "meldt niets nieuws. De Bilt en Den Haag volgen. Veilig Thuis is ingelicht. Overlast duurt voort. Zorg is geregeld.";
        Assert.Empty(ScrubberFactory.Create().Scrub(text).Findings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Geen identificerende gegevens in deze zin.")]
    [InlineData("\u0000\uFFFF\uD800 losse surrogaat")]
    public void Scrub_TextWithoutIdentifiers_ReturnsTextUnchanged(string text)
    {
        var result = ScrubberFactory.Create().Scrub(text);
        Assert.Equal(text, result.Text);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Scrubber_ShortKey_ThrowsWithCodeAndWithoutKeyBytes()
    {
        var error = Assert.Throws<ArgumentException>(() => new ScrubberOptions(new byte[15]));
        Assert.StartsWith(ScrubErrorCodes.KeyTooShort, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void ScrubberOptions_MinimumScoreOutOfRange_ThrowsWithCode(double score)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ScrubberOptions(ScrubberFactory.TestKey) { MinimumScore = score });
        Assert.Contains(ScrubErrorCodes.MinimumScoreOutOfRange, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrubber_UnknownOperator_ThrowsWithCode()
    {
        var options = new ScrubberOptions(ScrubberFactory.TestKey)
        {
            Operators = new Dictionary<ScrubEntityType, ScrubOperatorKind> { [ScrubEntityType.Bsn] = (ScrubOperatorKind)42 },
        };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Scrubber(options));
        Assert.Contains(ScrubErrorCodes.UnknownOperator, error.Message, StringComparison.Ordinal);
    }
}
