using System.Globalization;
using System.Text;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Corpus;

/// <summary>
/// Precision and recall per type. A gold span is found when a finding of the same type overlaps it, and fully
/// covered when same-type findings cover every letter and digit of it. A finding is correct when it overlaps a
/// gold span of the same type. "Leak-free" counts gold spans whose letters and digits are all covered by any finding.
/// </summary>
internal sealed class CorpusEvaluation
{
    private readonly Dictionary<ScrubEntityType, Counts> counts = ScrubEntityTypes.All.ToDictionary(t => t, _ => new Counts());

    public Counts this[ScrubEntityType type] => counts[type];

    public Counts Total
    {
        get
        {
            var total = new Counts();
            foreach (var c in counts.Values)
            {
                total.Gold += c.Gold;
                total.Found += c.Found;
                total.FullyCovered += c.FullyCovered;
                total.LeakFree += c.LeakFree;
                total.Predicted += c.Predicted;
                total.CorrectPredicted += c.CorrectPredicted;
            }

            return total;
        }
    }

    public List<string> Misses { get; } = [];

    public List<string> FalsePositives { get; } = [];

    public static CorpusEvaluation Run(Scrubber scrubber, ScrubbingCorpus corpus)
    {
        var evaluation = new CorpusEvaluation();
        foreach (var document in corpus.Documents)
        {
            var result = scrubber.Scrub(document.Text, document.ToKnownPersons());
            evaluation.Add(document, result.Findings);
        }

        return evaluation;
    }

    private void Add(CorpusDocument document, IReadOnlyList<ScrubFinding> findings)
    {
        foreach (var gold in document.Spans)
        {
            var type = gold.EntityType;
            var c = counts[type];
            c.Gold++;
            var sameType = findings.Where(f => f.Type == type).ToList();
            if (sameType.Exists(f => f.Start < gold.End && gold.Start < f.End))
            {
                c.Found++;
            }
            else
            {
                Misses.Add($"{document.Id} {gold.Type} \"{document.Text[gold.Start..gold.End]}\"");
            }

            if (Covered(document.Text, gold, sameType))
            {
                c.FullyCovered++;
            }

            if (Covered(document.Text, gold, findings))
            {
                c.LeakFree++;
            }
        }

        foreach (var finding in findings)
        {
            var c = counts[finding.Type];
            c.Predicted++;
            if (document.Spans.Any(g => g.EntityType == finding.Type && g.Start < finding.End && finding.Start < g.End))
            {
                c.CorrectPredicted++;
            }
            else
            {
                FalsePositives.Add($"{document.Id} {finding.Type} \"{document.Text.Substring(finding.Start, finding.Length)}\" ({finding.Recogniser})");
            }
        }
    }

    private static bool Covered(string text, CorpusSpan gold, IEnumerable<ScrubFinding> findings)
    {
        var list = findings.ToList();
        for (var i = gold.Start; i < gold.End; i++)
        {
            if (char.IsLetterOrDigit(text[i]) && !list.Exists(f => f.Start <= i && i < f.End))
            {
                return false;
            }
        }

        return true;
    }

    public string Table()
    {
        var builder = new StringBuilder();
        builder.AppendLine("| type | gold spans | found | recall | precision | F1 | fully covered | leak-free |");
        builder.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var type in ScrubEntityTypes.All)
        {
            Row(builder, type.TokenLabel(), counts[type]);
        }

        Row(builder, "all", Total);
        return builder.ToString();
    }

    private static void Row(StringBuilder builder, string label, Counts c) =>
        builder.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {c.Gold} | {c.Found} | {c.Recall:0.000} | {c.Precision:0.000} | {c.F1:0.000} | {c.FullyCovered} | {c.LeakFree} |");

    internal sealed class Counts
    {
        public int Gold { get; set; }

        public int Found { get; set; }

        public int FullyCovered { get; set; }

        public int LeakFree { get; set; }

        public int Predicted { get; set; }

        public int CorrectPredicted { get; set; }

        public double Recall => Gold == 0 ? 1 : (double)Found / Gold;

        public double Precision => Predicted == 0 ? 1 : (double)CorrectPredicted / Predicted;

        public double F1 => Recall + Precision == 0 ? 0 : 2 * Recall * Precision / (Recall + Precision);
    }
}
