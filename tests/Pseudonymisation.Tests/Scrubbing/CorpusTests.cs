using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Tests.Scrubbing.Corpus;
using Xunit.Abstractions;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing;

/// <summary>
/// Precision and recall on the labelled corpus (Corpus/scrubbing-corpus.json). Thresholds sit a little below the
/// measured values so that a regression fails; docs/PERFORMANCE.md holds the measured table.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static readonly ScrubbingCorpus Corpus = ScrubbingCorpus.Load();

    public static TheoryData<ScrubEntityType, double, double> Thresholds => new()
    {
        // type, minimum recall, minimum precision
        { ScrubEntityType.Bsn, 0.95, 0.95 },
        { ScrubEntityType.Iban, 0.95, 0.95 },
        { ScrubEntityType.Kenteken, 0.95, 0.95 },
        { ScrubEntityType.Phone, 0.95, 0.95 },
        { ScrubEntityType.Email, 0.90, 0.95 },
        { ScrubEntityType.Address, 0.92, 0.92 },
        { ScrubEntityType.DateOfBirth, 0.95, 0.95 },
        { ScrubEntityType.Person, 0.85, 0.95 },
    };

    [Fact]
    public void Corpus_Size_HasAtLeast300SpansOfEveryType()
    {
        var spans = Corpus.Documents.SelectMany(d => d.Spans).ToList();
        Assert.True(spans.Count >= 300, $"corpus has {spans.Count} spans");
        foreach (var type in ScrubEntityTypes.All)
        {
            Assert.True(spans.Count(s => s.EntityType == type) >= 10, $"too few {type} spans");
        }
    }

    [Fact]
    public void Corpus_Spans_AreInsideTheTextAndTrimmed()
    {
        foreach (var document in Corpus.Documents)
        {
            foreach (var span in document.Spans)
            {
                Assert.InRange(span.Start, 0, document.Text.Length - 1);
                Assert.InRange(span.End, span.Start + 1, document.Text.Length);
                var value = document.Text[span.Start..span.End];
                Assert.Equal(value.Trim(), value);
            }
        }
    }

    [Fact]
    public void Corpus_BsnSpans_PassTheElfproefIndependently()
    {
        // Computed here with the textbook weights, not with the code under test.
        foreach (var document in Corpus.Documents)
        {
            foreach (var span in document.Spans.Where(s => s.EntityType == ScrubEntityType.Bsn))
            {
                var digits = new string(document.Text[span.Start..span.End].Where(char.IsAsciiDigit).ToArray()).PadLeft(9, '0');
                var sum = 0;
                for (var i = 0; i < 8; i++)
                {
                    sum += (9 - i) * (digits[i] - '0');
                }

                sum -= digits[8] - '0';
                Assert.True(sum % 11 == 0, $"{document.Id}: BSN span fails the 11-proef");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void Scrub_LabelledCorpus_MeetsPrecisionAndRecallPerType(ScrubEntityType type, double minimumRecall, double minimumPrecision)
    {
        var evaluation = CorpusEvaluation.Run(ScrubberFactory.Create(), Corpus);
        var counts = evaluation[type];
        Assert.True(counts.Recall >= minimumRecall, $"{type} recall {counts.Recall:0.000} < {minimumRecall}");
        Assert.True(counts.Precision >= minimumPrecision, $"{type} precision {counts.Precision:0.000} < {minimumPrecision}");
    }

    [Fact]
    public void Scrub_LabelledCorpus_PrintsTableAndLeaksAtMostFivePercent()
    {
        var evaluation = CorpusEvaluation.Run(ScrubberFactory.Create(), Corpus);
        output.WriteLine(evaluation.Table());
        foreach (var miss in evaluation.Misses)
        {
            output.WriteLine("miss: " + miss);
        }

        foreach (var falsePositive in evaluation.FalsePositives)
        {
            output.WriteLine("false positive: " + falsePositive);
        }

        var total = evaluation.Total;
        Assert.True((double)total.LeakFree / total.Gold >= 0.93, $"leak-free {total.LeakFree}/{total.Gold}");
        Assert.True(total.Precision >= 0.95, $"overall precision {total.Precision:0.000}");
    }

    [Fact]
    public void Scrub_FoundCorpusSpans_NoIdentifierStringRemainsInOutput()
    {
        var scrubber = ScrubberFactory.Create();
        var checkedSpans = 0;
        foreach (var document in Corpus.Documents)
        {
            var result = scrubber.Scrub(document.Text, document.ToKnownPersons());
            foreach (var span in document.Spans)
            {
                var covered = Enumerable.Range(span.Start, span.End - span.Start)
                    .All(i => !char.IsLetterOrDigit(document.Text[i]) || result.Findings.Any(f => f.Start <= i && i < f.End));
                if (!covered)
                {
                    continue;
                }

                var value = document.Text[span.Start..span.End];
                Assert.DoesNotContain(value, result.Text, StringComparison.Ordinal);
                checkedSpans++;
            }
        }

        Assert.True(checkedSpans >= 280, $"only {checkedSpans} spans were fully covered");
    }
}
