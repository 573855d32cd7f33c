using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using SharingHub.Pseudonymisation.Tests.Scrubbing.Corpus;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

/// <summary>
/// For recognisers that try their regex only where a cheap search says a match can start: what plain
/// <see cref="Regex.Matches(string)"/> of the same pattern finds, written out with every group and capture, and the
/// texts to compare on (the corpus plus seeded generated texts full of trigger words, names, numbers and odd characters).
/// </summary>
internal static class RegexScanOracle
{
    private static readonly string[] Fragments =
    [
        "de heer ", "De Heer ", "DE  HEER ", "heer ", "dhr. ", "Dhr ", "DHR.", "meneer ", "mevrouw ", "Mevr. ", "mw ", "Mw.", "mej. ",
        "mr. ", "Dr. ", "drs. ", "ir.", "ing. ", "prof. ", "betrokkene ", "Bewoner ", "bewoonster: ", "melder, ", "Melderes ", "zoon ",
        "Dochtertje ", "vader ", "ex-partner ", "EX-VRIEND ", "cliënt ", "CLIËNTE ", "client ", "\u212Aind ", "kind ", "Baby ", "man ",
        "vrouw ", "inzake ", "t.a.v. ", "T.A.V. ", "tav ", "ten name van ", "op naam van ", "noemde zich ", "Noemt  zich ", "buurman ",
        "genaamd ", "alias ", "Jansen", "van der Berg", "Van der Berg", "P.J. de Vries", "J. ", "JANSEN", "Öztürk", "El Amrani", "Smit-Jansen",
        "Kees", "Jan-Willem", "Daan", "Den Haag", "Maandag", "Woonstichting", "Kerkstraat 12", "Laan van Meerdervoort 25", "Burgemeester de Monchyplein 3",
        "Straat 5", "Dorpsstraat 1", "Stationsweg 4", "Hof 3", "Markt 12a", "Heuvel 7", "Nieuwe Gracht 5 hs", "Kerkstraat \u0663",
        "kerkstraat 9", "Akker 2-1", "Laan 3 jaar", "1234 AB 12", "NL91 ABNA 0417 1643 00", "nl91abna0417164300", "NL\u0669\u0661ABNA0417164300",
        "DE89 3704 0044 0532 0130 00", "AB12", "NL91", "0417 1643 00", "Anne-Marie", "Jan-", "-Piet", "JanPiet", "Jan-willem", "\u01C5an",
        "Éva", "Piet2", "2Piet", "O'Neil", "Yasmina", "Fatima El Amrani", "Van Dijk", "Jan Willem de Vries", "06-12345678", "12a", " ", " ", " ", "  ", ", ", ". ", ": ", "\t", "\n", "\u00A0", "-", "'", "'s", "(", ")",
        "1", "x", "Ⅻ", "İ", "\uD800", "de ", "van ", "'t ", "op ", "sprak met ", "door ", "Kees Bos", "Dirk Kuijpers", "Jeroen ",
    ];

    /// <summary>The corpus documents and 5,000 generated texts, the same on every run.</summary>
    public static IReadOnlyList<string> Texts { get; } =
    [
        .. ScrubbingCorpus.Load().Documents.Select(d => d.Text),
        .. Gen.Sample(Gen.Elements(Fragments).ListOf().Select(string.Concat), 5_000, new Rnd(31337UL), 40),
    ];

    /// <summary>Every match of <paramref name="pattern"/> in <paramref name="text"/>, as Regex.Matches finds them.</summary>
    public static List<string> Matches(string pattern, string text) =>
        Describe(new Regex(pattern, RegexOptions.CultureInvariant).Matches(text));

    /// <summary>Each match with the index, length and captures of every group.</summary>
    public static List<string> Describe(IEnumerable<Match> matches) =>
        matches.Select(m => string.Join(' ', m.Groups.Values.Select(g =>
            $"{g.Name}:{g.Success}:{g.Index}+{g.Length}[{string.Join(',', g.Captures.Select(c => $"{c.Index}+{c.Length}"))}]"))).ToList();
}
