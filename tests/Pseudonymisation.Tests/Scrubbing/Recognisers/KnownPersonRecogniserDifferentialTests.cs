using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Scrubbing.Recognisers;
using SharingHub.Pseudonymisation.Tests.Scrubbing.Corpus;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

/// <summary>
/// <see cref="KnownPersonRecogniser"/> against the regex it replaced (<see cref="RegexKnownPersonOracle"/>): the same
/// detections (type, span, score, evidence, key) in the same order, on generated persons (tussenvoegsels, hyphens,
/// diacritics, initials, regex metacharacters, empty parts) and texts written from their names with other
/// capitalisation, separators, possessive endings and punctuation around them.
/// </summary>
public sealed class KnownPersonRecogniserDifferentialTests
{
    private static readonly string?[] GivenNames =
    [
        null, "", " ", "Jan", "Jan Willem", "Jan-Willem", "Anne-Marie Johanna", "J.", "J.W.", "J. W.", "JW", "Özlem", "Saïd",
        "İlker", "A", "Ab", "Ans", "-Jan-", "Jan--Piet", "Piet - Jan", "O'Neil", "*+?", "(a) b", "#1 $2", "Mo Mo Mo", "A A A A A",
        "Jan Jan", "Jan Jan-Piet", "Jan\u00A0Willem", "Jan\u2010Willem", "Éva Ève", "ß", "s", "'s", "Willem Jan", "W", "Jw", "Ⅻ", "-", "Ann Anna",
    ];

    private static readonly string?[] Prefixes = [null, "", " ", "de", "De", "van der", "van 't", "d'", "El", "ten", "Van Den", "-", "a", "vd.", "j"];

    private static readonly string?[] Surnames =
    [
        null, "", " ", "Vries", "Jansen", "Jans", "Berg-Smit", "El Amrani", "Özdemir", "S", "Sj", "O'Brien", "Ab", "Jan", "Willem",
        "a-", "[x]", "Ä", "s", "Es", "Jansen-Jansen", "de Vries", "Smit - Berg", "İ", "Vries's", "W. Jansen", "A", "Piet", "W W", "J", "Jan Vries",
    ];

    /// <summary>What stands between two pieces of text: mostly white space, sometimes punctuation, a letter or nothing.</summary>
    private static readonly string[] Boundaries = [" ", " ", " ", " ", "  ", ", ", ". ", " - ", "(", ") ", "\n", "\t", "\u00A0", "", "x", "1", "-", ":"];

    /// <summary>What may follow a name: possessive endings, apostrophes, letters and numbers that end or extend the word.</summary>
    private static readonly string[] Endings = ["", "", "", "", "'s", "s", "'", "\u2019s", "\u2019", "'x", "x", "1", "\u00B2", "\u216B", "-", ".", "_"];

    /// <summary>Words that are not the person's names but look like parts of them.</summary>
    private static readonly string[] Fillers = ["en", "bij", "de heer", "Van", "de", "J.", "W.", "A", "w", "S", "'s", "s", "é", "Jansen", "Vries", "el"];

    private static readonly string[] Separators = [" ", " ", "  ", "\t", "\u00A0", "-", " - ", ".", ". ", "\n", "", "\u2010", "--"];

    /// <summary>A fixed sample, so that every run checks the same 10,000 cases; the property below adds fresh ones.</summary>
    private static readonly Lazy<IReadOnlyList<NamedText>> Sample = new(() => Gen.Sample(Cases(), 10_000, new Rnd(20261125UL), 30));

    [Fact]
    public void Recognise_SeededGeneratedCases_SameDetectionsAsRegexOracle()
    {
        foreach (var c in Sample.Value)
        {
            Assert.Equal(Oracle(c), Detections(c));
        }
    }

    [Fact]
    public void Recognise_SeededGeneratedCases_CoverEveryKindOfMatch()
    {
        // A differential test only means something when the cases match: most should, in every score class.
        var detections = Sample.Value.Select(Oracle).ToList();
        Assert.True(detections.Count(d => d.Count > 0) > Sample.Value.Count / 3, "too few generated cases match at all");
        foreach (var score in new[] { KnownPersonRecogniser.FullName, KnownPersonRecogniser.SurnameOnly, KnownPersonRecogniser.GivenNameOnly })
        {
            var count = detections.Sum(d => d.Count(x => x.Score == score));
            Assert.True(count > 500, $"only {count} detections scored {score}");
        }

        Assert.Contains(detections.SelectMany(d => d), x => x.Key.StartsWith("surname:", StringComparison.Ordinal));
    }

    /// <summary>
    /// Names and texts over a few letters, so that name parts, initials and surnames overlap and repeat: the cases in
    /// which the order of the alternatives and the optional initials decide what is matched.
    /// </summary>
    [Fact]
    public void Recognise_SmallAlphabetNamesAndTexts_SameDetectionsAsRegexOracle()
    {
        string?[] given = [null, "J", "Jw", "J W", "J. W. J.", "Ja", "Ja Ja-W", "W-Ja", "J Ja", "J W W J"];
        string?[] surnames = [null, "W", "W W", "J W", "Ja", "Ja-W", "w's"];
        string[] words = ["J", "W", "Ja", "w"];
        string[] separators = [" ", " ", " ", " ", " ", ".", ". ", "-", "", "'s", "s", ","];
        var person = from g in Gen.Elements(given)
                     from p in Gen.Elements<string?>(null, null, null, "w")
                     from s in Gen.Elements(surnames)
                     select new KnownPerson(g, p, s);
        var piece = from word in Gen.Elements(words)
                    from separator in Gen.Elements(separators)
                    select word + separator;
        var cases = from persons in Gen.Choose(1, 2).SelectMany(n => person.ArrayOf(n))
                    from text in Gen.Choose(1, 8).SelectMany(n => piece.ListOf(n)).Select(string.Concat)
                    select new NamedText(text, persons);
        var compared = 0;
        foreach (var c in Gen.Sample(cases, 20_000, new Rnd(7UL), 30))
        {
            var expected = Oracle(c);
            Assert.Equal(expected, Detections(c));
            compared += expected.Count;
        }

        Assert.True(compared > 5_000, $"only {compared} detections compared");
    }

    [Property(MaxTest = 1000)]
    public Property Recognise_GeneratedCases_SameDetectionsAsRegexOracle() =>
        Prop.ForAll(Cases().ToArbitrary(), c => Oracle(c).SequenceEqual(Detections(c)));

    [Fact]
    public void Recognise_LabelledCorpusWithEveryCorpusPerson_SameDetectionsAsRegexOracle()
    {
        var corpus = ScrubbingCorpus.Load();
        var everyone = corpus.Documents.SelectMany(d => d.ToKnownPersons()).ToList();
        var compared = 0;
        foreach (var document in corpus.Documents)
        {
            foreach (var persons in new[] { document.ToKnownPersons(), everyone })
            {
                var c = new NamedText(document.Text, [.. persons]);
                var expected = Oracle(c);
                Assert.Equal(expected, Detections(c));
                compared += expected.Count;
            }
        }

        Assert.True(compared > 100, $"only {compared} detections compared");
    }

    [Theory]
    [InlineData("Jan Willem", "J. W. de Vries", "J. W. de Vries")] // both initials, dotted
    [InlineData("Jan Willem", "J. de Vries", "J. de Vries")] // the second initial skipped
    [InlineData("Jan Willem", "J. W. W. de Vries", "de Vries")] // a third initial the person lacks: no full match from "J." nor from "W."
    [InlineData("Jan Willem", "JW  de  Vries's", "JW  de  Vries's")]
    [InlineData("Jan Willem", "Jan - Willem de Vries", "Jan|Willem de Vries")] // two given names: a hyphen does not join them
    [InlineData("Jan-Willem", "Jan - Willem de Vries", "Jan - Willem de Vries")] // a hyphenated name: it does
    [InlineData("Jan Willem", "de vries", "de vries")] // lower-case surname alone: matched, and then not kept by the recogniser
    [InlineData("Jan Willem", "XJan de Vries", "de Vries")]
    public void NextMatch_InitialsSeparatorsAndBoundaries_MatchesLikeRegexOracle(string givenNames, string text, string expected)
    {
        var c = new NamedText("Gesprek met " + text + ".", [new KnownPerson(givenNames, "de", "Vries")]);
        Assert.Equal(Oracle(c), Detections(c));
        Assert.Equal(expected, string.Join('|', RawMatches(c.Text, c.Persons[0])));
    }

    [Theory]
    [InlineData("Jan Jan-Piet", "Piet", "Jan Piet Piet", "Jan Piet Piet")] // "jan-piet" + S is a longer pattern than "jan" + S, so it goes first
    [InlineData("Jan Willem", "W W", "J. W W W", "J. W W W")] // the optional initial is taken before S is tried without it
    [InlineData("Jan Vries", "Vries", "Jan Vries Vries", "Jan Vries Vries")] // all given names + S before one given name + S
    public void NextMatch_TwoFormsMatchAtOnePosition_TakesTheFormTheRegexWouldTake(string givenNames, string surname, string text, string expected)
    {
        var c = new NamedText(text, [new KnownPerson(givenNames, null, surname)]);
        Assert.Equal(Oracle(c), Detections(c));
        Assert.Equal(expected, string.Join('|', RawMatches(c.Text, c.Persons[0])));
    }

    private static List<string> RawMatches(string text, KnownPerson person)
    {
        var pattern = KnownPersonPattern.Create(person)!;
        var folded = TextFolding.Fold(text);
        var found = new List<string>();
        for (var position = 0; pattern.NextMatch(folded, position, out var start, out var end, out _); position = end)
        {
            found.Add(text[start..end]);
        }

        return found;
    }

    private static List<(ScrubEntityType Type, int Start, int Length, double Score, string Recogniser, ScrubEvidence Evidence, string Key)> Oracle(NamedText c) =>
        Run(new RegexKnownPersonOracle(), c);

    private static List<(ScrubEntityType Type, int Start, int Length, double Score, string Recogniser, ScrubEvidence Evidence, string Key)> Detections(NamedText c) =>
        Run(new KnownPersonRecogniser(), c);

    private static List<(ScrubEntityType Type, int Start, int Length, double Score, string Recogniser, ScrubEvidence Evidence, string Key)> Run(IEntityRecogniser recogniser, NamedText c)
    {
        var results = new List<Detection>();
        recogniser.Recognise(new ScrubInput(c.Text, c.Persons), results);
        return results.Select(d => (d.Type, d.Start, d.Length, d.Score, d.Recogniser, d.Evidence, d.Key)).ToList();
    }

    private static Gen<NamedText> Cases() =>
        from persons in Gen.Elements(1, 1, 1, 2, 3).SelectMany(n => Person().ArrayOf(n))
        from text in Text(persons)
        select new NamedText(text, persons);

    private static Gen<KnownPerson> Person() =>
        from given in Gen.Elements(GivenNames)
        from prefix in Gen.Elements(Prefixes)
        from surname in Gen.Elements(Surnames)
        from pseudonym in Gen.Elements<string?>(null, null, "p1.3.abc", " ")
        select new KnownPerson(given, prefix, surname, pseudonym);

    /// <summary>1 to 6 pieces (mostly spellings of the persons' names, with an ending), each after a boundary.</summary>
    private static Gen<string> Text(KnownPerson[] persons)
    {
        var spellings = persons.SelectMany(Spellings).Where(s => s.Length > 0).DefaultIfEmpty("Jansen").ToArray();
        var name = from spelling in Gen.Elements(spellings)
                   from separator in Gen.Elements(Separators)
                   from casing in Gen.Choose(0, 6)
                   from ending in Gen.Elements(Endings)
                   select Recase(spelling.Replace(" ", separator, StringComparison.Ordinal), casing) + ending;
        var piece = from boundary in Gen.Elements(Boundaries)
                    from text in Gen.Frequency((4, name), (1, Gen.Elements(Fillers)))
                    select boundary + text;
        return Gen.Choose(1, 6).SelectMany(n => piece.ListOf(n)).Select(string.Concat);
    }

    /// <summary>Full names, initials + surname, surnames and given names as a writer might spell them.</summary>
    private static IEnumerable<string> Spellings(KnownPerson person)
    {
        var given = Split(person.GivenNames);
        var surname = string.Join(' ', Split(person.SurnamePrefix).Concat(Split(person.Surname)));
        var initials = given.SelectMany(g => g.Split('-', StringSplitOptions.RemoveEmptyEntries)).Select(g => g[..1]).ToList();
        yield return string.Join(' ', given.Append(surname));
        yield return surname;
        yield return Split(person.Surname).LastOrDefault() ?? string.Empty;
        foreach (var g in given)
        {
            yield return g;
            yield return g + " " + surname;
        }

        yield return string.Concat(initials.Select(i => i + ".")) + " " + surname;
        yield return string.Join(". ", initials) + ". " + surname;
        yield return string.Concat(initials) + " " + surname;
        yield return string.Join(' ', initials.Take(1)) + " " + surname;
    }

    private static string[] Split(string? value) =>
        (value ?? string.Empty).Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);

    private static string Recase(string value, int casing) => casing switch
    {
        0 => value.ToUpperInvariant(),
        1 => value.ToLowerInvariant(),
        2 => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value.ToLowerInvariant()),
        3 => value.Replace('e', 'é').Replace('o', 'ö').Replace('a', 'Á'),
        _ => value,
    };

    public sealed record NamedText(string Text, KnownPerson[] Persons)
    {
        // Fictional names; shown so that FsCheck prints a readable counterexample.
        public override string ToString() =>
            $"\"{Text}\" with [{string.Join(", ", Persons.Select(p => $"({p.GivenNames ?? "null"}|{p.SurnamePrefix ?? "null"}|{p.Surname ?? "null"}|{p.Pseudonym ?? "null"})"))}]";
    }
}
