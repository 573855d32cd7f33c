using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

internal static class RecogniserHarness
{
    /// <summary>The spans one recogniser reports, as the matched substrings with scores.</summary>
    public static List<(string Value, double Score, ScrubEvidence Evidence)> Run(IEntityRecogniser recogniser, string text, IReadOnlyList<KnownPerson>? known = null)
    {
        var results = new List<Detection>();
        recogniser.Recognise(new ScrubInput(text, known ?? []), results);
        return results.Select(d => (text.Substring(d.Start, d.Length), d.Score, d.Evidence)).ToList();
    }

    /// <summary>The substrings the recogniser reports at or above the default threshold, after overlap resolution.</summary>
    public static List<string> Accepted(IEntityRecogniser recogniser, string text, IReadOnlyList<KnownPerson>? known = null)
    {
        var results = new List<Detection>();
        recogniser.Recognise(new ScrubInput(text, known ?? []), results);
        return OverlapResolver.Resolve(text, results.Where(d => d.Score >= ScrubberOptions.DefaultMinimumScore))
            .Select(d => text.Substring(d.Start, d.Length))
            .ToList();
    }
}
