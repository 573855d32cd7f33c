using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Scrubbing.Recognisers;
using SharingHub.Pseudonymisation.Tests.Scrubbing.Corpus;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing;

/// <summary>No plaintext identifier and no key byte in findings, ToString output or exception messages.</summary>
public sealed class PrivacyTests
{
    private static readonly ScrubbingCorpus Corpus = ScrubbingCorpus.Load();

    [Fact]
    public void Findings_OnWholeCorpus_ContainNoPlaintextValue()
    {
        var scrubber = ScrubberFactory.Create();
        foreach (var document in Corpus.Documents)
        {
            var result = scrubber.Scrub(document.Text, document.ToKnownPersons());
            var rendered = string.Join("\n", result.Findings.Select(f => f.ToString())) + result;
            foreach (var span in document.Spans)
            {
                var value = document.Text[span.Start..span.End];
                if (value.Length >= 4)
                {
                    Assert.DoesNotContain(value, rendered, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    public void ToString_OfEveryScrubbingType_HidesValuesAndKey()
    {
        var key = Enumerable.Repeat((byte)0xAB, 32).ToArray();
        var options = new ScrubberOptions(key);
        var person = new KnownPerson("Pieter", "de", "Vries", "p1.1.pseudo");
        var input = new ScrubInput("BSN 111222333 van Pieter de Vries", [person]);
        var results = new List<Detection>();
        new BsnRecogniser().Recognise(input, results);
        var detection = Assert.Single(results);
        var result = new Scrubber(options).Scrub(input.Text, [person]);

        var rendered = string.Join("\n", options.ToString(), person.ToString(), input.ToString(), detection.ToString(), result.ToString(),
            string.Join(",", result.Findings));
        foreach (var secret in new[] { "111222333", "Pieter", "Vries", "p1.1.pseudo", "AB-AB", "abab", "ABAB", "q6ur" })
        {
            Assert.DoesNotContain(secret, rendered, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Scrub_NullText_ExceptionNamesOnlyTheParameter()
    {
        var error = Assert.Throws<ArgumentNullException>(() => ScrubberFactory.Create().Scrub(null!));
        Assert.Equal("text", error.ParamName);
    }

    [Fact]
    public void Scrub_AdversarialInputs_NeverThrow()
    {
        var scrubber = ScrubberFactory.Create();
        var inputs = new[]
        {
            new string('1', 100_000), new string('A', 50_000) + "@" + new string('b', 50_000), string.Concat(Enumerable.Repeat("de heer ", 5000)),
            string.Concat(Enumerable.Repeat("NL91 ", 2000)), string.Concat(Enumerable.Repeat("06-", 3000)), "geb. " + string.Concat(Enumerable.Repeat("12-", 3000)),
        };
        foreach (var text in inputs)
        {
            var result = scrubber.Scrub(text, [new KnownPerson("", "", ""), new KnownPerson(null, null, null), new KnownPerson("A", "", "B")]);
            Assert.NotNull(result.Text);
        }
    }
}
