using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SharingHub.Hub.Signals;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Tests.Signals;

/// <summary>
/// <see cref="KnownIdentifiers.Redact"/> against the version that replaced every variant unconditionally
/// (<see cref="KnownIdentifiersOracle"/>): the same output for generated identities (dates of birth in any year, phone
/// numbers, postcodes, values that look like labels or hold only punctuation) and texts that hold their values in many
/// formats and cases, next to labels and scrub tokens.
/// </summary>
public sealed class KnownIdentifiersTests
{
    private static readonly string[] Dates = ["1980-05-17", "19800517", "0999-01-02", "2010-12-31", "9999-12-31", "1980-13-45", "abcd", "198", "2010-1-2"];

    private static readonly string[] Glue = [" ", ", ", ". ", "geboren ", "tel ", "(", ")", "-", "-", "/", "[PERSOON-2dbc]", "[BSN]", "[E-MAIL]", "\u0131", "x", "1980", "2010"];

    [Fact]
    public void Redact_SeededGeneratedIdentitiesAndTexts_SameTextAsReplacingEveryVariant()
    {
        var changed = 0;
        foreach (var (text, identity) in Gen.Sample(Cases(), 20_000, new Rnd(112UL), 30))
        {
            var expected = KnownIdentifiersOracle.Redact(text, identity);
            Assert.Equal(expected, KnownIdentifiers.Redact(text, identity));
            changed += expected == text ? 0 : 1;
        }

        Assert.True(changed > 5_000, $"only {changed} texts had something redacted");
    }

    [Fact]
    public void Labels_AnyLabel_BracketedUpperCaseLettersAndHyphens()
    {
        // Redact drops values whose digits and punctuation (other than '[', ']', '-') the text lacks, and skips the date
        // formats when it lacks the year; that is sound only because labels bring no other characters into the text
        // and start and end with a bracket.
        Assert.All(KnownIdentifiers.Labels.Values, label => Assert.Matches("^\\[[A-Z-]+\\]$", label));
    }

    [Fact]
    public void Redact_ValueThatAppearsOnlyBetweenTwoLabels_ReplacedAsBefore()
    {
        // "N]-[I" is not in the text until the BSN and the IBAN are replaced by "[BSN]" and "[IBAN]".
        var identity = new IdentityRecord(
        [
            new(IdentityFieldNames.Bsn, new IdentityField("111222333", "111222333")),
            new(IdentityFieldNames.Iban, new IdentityField("NL91ABNA0417164300", "NL91ABNA0417164300")),
            new(IdentityFieldNames.Street, new IdentityField("N]-[I", null)),
        ]);
        const string text = "111222333-NL91ABNA0417164300";

        Assert.Equal("[BS[STRAAT]BAN]", KnownIdentifiersOracle.Redact(text, identity));
        Assert.Equal("[BS[STRAAT]BAN]", KnownIdentifiers.Redact(text, identity));
    }

    [Theory]
    [InlineData("geboren 17-05-1980, tel 0612345678", "geboren [GEBOORTEDATUM], tel [TELEFOON]")]
    [InlineData("geboren 17/5/1980 en 0999", "geboren [GEBOORTEDATUM] en 0999")]
    [InlineData("KERKSTRAAT 12 en kerkstraat", "[STRAAT] 12 en [STRAAT]")]
    [InlineData("niets bekends, [PERSOON-2dbc]", "niets bekends, [PERSOON-2dbc]")]
    public void Redact_KnownValuesInOtherFormatsAndCases_ReplacedByLabels(string text, string expected)
    {
        var identity = new IdentityRecord(
        [
            new(IdentityFieldNames.DateOfBirth, new IdentityField("17-05-1980", "1980-05-17")),
            new(IdentityFieldNames.Phone, new IdentityField("06 12345678", "+31612345678")),
            new(IdentityFieldNames.Street, new IdentityField("Kerkstraat", "kerkstraat")),
        ]);

        Assert.Equal(expected, KnownIdentifiers.Redact(text, identity));
    }

    [Fact]
    public void MayOccur_AsciiNonLetters_NoOtherCharacterEqualsOneIgnoringCase()
    {
        // MayOccur searches for a value's digits and punctuation ordinally; that misses no case-insensitive occurrence
        // only if nothing else equals them ignoring case.
        Span<char> ascii = stackalloc char[1];
        Span<char> other = stackalloc char[1];
        for (var c = (char)0; c < 128; c++)
        {
            if (char.IsAsciiLetter(c))
            {
                continue;
            }

            ascii[0] = c;
            for (var x = char.MinValue; x < char.MaxValue; x++)
            {
                other[0] = x;
                Assert.True(x == c || !MemoryExtensions.Equals(ascii, other, StringComparison.OrdinalIgnoreCase), $"U+{(int)x:X4} equals U+{(int)c:X4} ignoring case");
            }
        }
    }

    [Theory]
    [InlineData("06-12345678", true)]
    [InlineData("17-12345678", true)] // "-" is left out: a label may bring it
    [InlineData("0612345678", false)]
    [InlineData("N]-[I", true)] // nothing but letters and label characters
    [InlineData("jan@example.nl", false)]
    public void MayEverOccur_ValueAgainstText_FalseOnlyWhenARunWithoutLabelCharactersIsMissing(string value, bool expected)
    {
        Assert.Equal(expected, KnownIdentifiers.MayEverOccur("bel 06-12345678 of 17. mail volgt", value));
    }

    [Theory]
    [InlineData("06-12345678", true)]
    [InlineData("0612345678", false)] // the run "0612345678" is not in the text
    [InlineData("Kerkstraat", true)] // letters only: nothing to check ordinally
    [InlineData("jan@example.nl", false)] // no '@' in the text
    public void MayOccur_ValueAgainstText_FalseOnlyWhenARunOfDigitsOrPunctuationIsMissing(string value, bool expected)
    {
        Assert.Equal(expected, KnownIdentifiers.MayOccur("bel 06-12345678 of kerkstraat. mail volgt", value));
    }

    private static Gen<(string Text, IdentityRecord Identity)> Cases() =>
        from fields in Fields()
        from text in Text(fields)
        select (text, new IdentityRecord(fields.Select(f => new KeyValuePair<string, IdentityField>(f.Name, new IdentityField(f.Raw, f.Normalised)))));

    private static Gen<List<(string Name, string Raw, string? Normalised)>> Fields()
    {
        var field = Gen.OneOf(
            Gen.Elements<(string, string, string?)>((IdentityFieldNames.Bsn, "111 222 333", "111222333"), (IdentityFieldNames.Bsn, " 111222333 ", "111222333")),
            Gen.Elements(Dates).SelectMany(d => Gen.Elements(Dates).Select(raw => (IdentityFieldNames.DateOfBirth, raw, (string?)d))),
            Gen.Elements<(string, string, string?)>(
                (IdentityFieldNames.Phone, "06 12345678", "+31612345678"), (IdentityFieldNames.Phone, "+32 2 123 45 67", "+3221234567"),
                (IdentityFieldNames.Postcode, "6211 ab", "6211AB"), (IdentityFieldNames.Postcode, "6211", "6211"),
                (IdentityFieldNames.Street, "Kerkstraat", "kerkstraat"), (IdentityFieldNames.Street, "IBAN", null), (IdentityFieldNames.Street, "E-MAIL", ""),
                (IdentityFieldNames.Email, "Jan@Example.nl", "jan@example.nl"), (IdentityFieldNames.Iban, "NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"),
                (IdentityFieldNames.Kvk, "12345678", "12345678"), (IdentityFieldNames.Kenteken, "12-abc-3", "12ABC3"),
                (SignalValidator.GroupReferenceField, "PMG-2026-017", "PMG2026017"), (IdentityFieldNames.GivenNames, "Jan", "jan"),
                (IdentityFieldNames.City, "Maastricht", "maastricht"), (IdentityFieldNames.Bsn, "(1)", "1"), (IdentityFieldNames.Street, "--//", null),
                (IdentityFieldNames.Street, "N]-[I", null), (IdentityFieldNames.Street, "n]-[t", null), (IdentityFieldNames.Kenteken, "]-[", "-")));
        return field.ListOf().Select(list => list.DistinctBy(f => f.Item1).Take(8).ToList());
    }

    /// <summary>Values of the fields in their own and other formats and cases, between glue.</summary>
    private static Gen<string> Text(List<(string Name, string Raw, string? Normalised)> fields)
    {
        var values = fields.SelectMany(f => Spellings(f.Raw, f.Normalised)).DefaultIfEmpty("x").ToArray();
        var piece = Gen.Frequency(
            (3, from value in Gen.Elements(values) from casing in Gen.Choose(0, 2) select casing switch { 0 => value.ToUpperInvariant(), 1 => value.ToLowerInvariant(), _ => value }),
            (2, Gen.Elements(Glue)));
        return Gen.Choose(1, 10).SelectMany(n => piece.ListOf(n)).Select(string.Concat);
    }

    private static IEnumerable<string> Spellings(string raw, string? normalised)
    {
        yield return raw;
        if (normalised is null)
        {
            yield break;
        }

        yield return normalised;
        if (normalised.StartsWith("+31", StringComparison.Ordinal))
        {
            yield return "0" + normalised[3..];
            yield return "0031" + normalised[3..];
        }

        if (DateOnly.TryParseExact(normalised, ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            foreach (var format in new[] { "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "ddMMyyyy", "yyyyMMdd", "d MMMM yyyy" })
            {
                yield return date.ToString(format, CultureInfo.InvariantCulture);
            }
        }
    }
}
