using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing;

/// <summary>
/// <see cref="NamePropagation.Propagate"/> against the regex version it replaced (<see cref="RegexNamePropagationOracle"/>):
/// the same propagated detections in the same order, for generated surnames (tussenvoegsels, hyphens, apostrophes,
/// regex metacharacters, one letter) written with other capitalisation, diacritics, white space and endings, next to
/// accepted detections that take part of the text.
/// </summary>
public sealed class NamePropagationDifferentialTests
{
    private static readonly string[] Surnames =
    [
        "de boer", "jansen", "van der berg", "o'brien", "el-amrani", "berg-smit", "*+?", "a", "ab", "s", "jans", "ozdemir", "de",
        "boer", "(x)", "van 't hof", "jansen's", "d'souza",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "  ", "\t", "\n", "\u00A0", "-", ""];

    private static readonly string[] Endings = ["", "", "", "'s", "s", "'", "\u2019s", "x", "1", "\u00B2", "-"];

    private static readonly string[] Boundaries = [" ", " ", " ", ", ", ". ", "(", ") ", "\n", "", "x", "1", " zegt dat ", " en "];

    [Fact]
    public void Propagate_SeededGeneratedCases_SameDetectionsAsRegexOracle()
    {
        var propagated = 0;
        foreach (var c in Gen.Sample(Cases(), 20_000, new Rnd(20261126UL), 30))
        {
            var expected = Run(RegexNamePropagationOracle.Propagate, c);
            Assert.Equal(expected, Run(NamePropagation.Propagate, c));
            propagated += expected.Count;
        }

        Assert.True(propagated > 2_000, $"only {propagated} propagated detections compared");
    }

    [Property(MaxTest = 500)]
    public Property Propagate_GeneratedCases_SameDetectionsAsRegexOracle() =>
        Prop.ForAll(Cases().ToArbitrary(), c => Run(RegexNamePropagationOracle.Propagate, c).SequenceEqual(Run(NamePropagation.Propagate, c)));

    [Fact]
    public void Propagate_MatchRejectedForOverlap_NextSearchStartsAfterIt()
    {
        // Regex.Matches resumes after a match even when the caller rejects it, so the second "Hassan Hassan" (which
        // starts inside the first match) is never found.
        const string text = "X Hassan Hassan Hassan zei niets.";
        var c = new PropagationCase(text, [new Detection(ScrubEntityType.Person, 2, 3, 0.85, "context-name", ScrubEvidence.TitleOrRole, "name:hassan hassan")]);

        Assert.Empty(Run(RegexNamePropagationOracle.Propagate, c));
        Assert.Empty(Run(NamePropagation.Propagate, c));
    }

    [Fact]
    public void Detect_LabelledCorpus_PropagatesLikeRegexOracle()
    {
        var scrubber = ScrubberFactory.Create();
        var propagated = 0;
        foreach (var document in Corpus.ScrubbingCorpus.Load().Documents)
        {
            var input = new ScrubInput(document.Text, document.ToKnownPersons());
            var accepted = scrubber.Detect(input).Where(d => d.Recogniser != NamePropagation.RecogniserName).ToList();
            var expected = RegexNamePropagationOracle.Propagate(input, accepted);
            Assert.Equal(Tuples(expected), Tuples(NamePropagation.Propagate(input, accepted)));
            propagated += expected.Count;
        }

        Assert.True(propagated > 0, "the corpus propagated no name");
    }

    private static List<(ScrubEntityType Type, int Start, int Length, double Score, string Recogniser, ScrubEvidence Evidence, string Key)> Run(
        Func<ScrubInput, List<Detection>, List<Detection>> propagate, PropagationCase c) =>
        Tuples(propagate(new ScrubInput(c.Text, []), [.. c.Accepted]));

    private static List<(ScrubEntityType Type, int Start, int Length, double Score, string Recogniser, ScrubEvidence Evidence, string Key)> Tuples(List<Detection> detections) =>
        detections.Select(d => (d.Type, d.Start, d.Length, d.Score, d.Recogniser, d.Evidence, d.Key)).ToList();

    private static Gen<PropagationCase> Cases() =>
        from names in Gen.Elements(Surnames).ArrayOf(3)
        from text in Text(names)
        from spans in Spans(text.Length, names)
        select new PropagationCase(text, spans);

    /// <summary>1 to 8 pieces, mostly spellings of the names, each after a boundary.</summary>
    private static Gen<string> Text(string[] names)
    {
        var spelling = from name in Gen.Elements(names)
                       from separator in Gen.Elements(Separators)
                       from casing in Gen.Choose(0, 4)
                       from ending in Gen.Elements(Endings)
                       select Recase(name, casing).Replace(" ", separator, StringComparison.Ordinal) + ending;
        var piece = from boundary in Gen.Elements(Boundaries)
                    from text in Gen.Frequency((5, spelling), (1, Gen.Elements("De", "Boer", "Jan", "x")))
                    select boundary + text;
        return Gen.Choose(1, 8).SelectMany(n => piece.ListOf(n)).Select(string.Concat);
    }

    /// <summary>One to three accepted detections, disjoint and sorted like the overlap resolver's output; most are names.</summary>
    private static Gen<Detection[]> Spans(int length, string[] names)
    {
        var one = from start in Gen.Choose(0, Math.Max(0, length - 1))
                  from size in Gen.Choose(1, 12)
                  from name in Gen.Elements(names)
                  from type in Gen.Elements(ScrubEntityType.Person, ScrubEntityType.Person, ScrubEntityType.Person, ScrubEntityType.Address)
                  select new Detection(type, start, Math.Min(size, length - start), 0.85, "context-name", ScrubEvidence.TitleOrRole, "name:" + name);
        return Gen.Choose(1, 3).SelectMany(n => one.ArrayOf(n)).Select(found =>
        {
            var disjoint = new List<Detection>();
            foreach (var d in found.Where(d => d.Length > 0))
            {
                if (!disjoint.Exists(a => a.Overlaps(d)))
                {
                    disjoint.Add(d);
                }
            }

            return disjoint.OrderBy(d => d.Start).ToArray();
        });
    }

    private static string Recase(string value, int casing) => casing switch
    {
        0 => value.ToUpperInvariant(),
        1 => string.Join(' ', value.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])),
        2 => value.Replace('o', 'ö').Replace('e', 'É'),
        _ => value,
    };

    internal sealed record PropagationCase(string Text, Detection[] Accepted)
    {
        // Fictional names; shown so that FsCheck prints a readable counterexample.
        public override string ToString() => $"\"{Text}\" with [{string.Join(", ", Accepted.Select(d => $"{d.Type} {d.Start}+{d.Length} {d.Key}"))}]";
    }
}
