using System.Text.RegularExpressions;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing;

/// <summary>
/// TEST ORACLE ONLY. <see cref="NamePropagation"/> as it was before it matched names without a regular expression,
/// copied unchanged apart from its name and namespace: a regex pattern per name per call (through Regex's static
/// cache). The differential tests assert that <see cref="NamePropagation.Propagate"/> returns exactly what this returns.
/// </summary>
internal static class RegexNamePropagationOracle
{
    private const double Score = NamePropagation.Score;

    private const string RecogniserName = NamePropagation.RecogniserName;

    // Patterns are escaped literals joined by \s+: no nested quantifiers, so no catastrophic backtracking and no timeout
    // (a timeout would throw on user text, which the scrubber must never do).
    private static readonly TimeSpan Timeout = Regex.InfiniteMatchTimeout;

    public static List<Detection> Propagate(ScrubInput input, List<Detection> accepted)
    {
        var keys = accepted
            .Where(d => d.Type == ScrubEntityType.Person && d.Key.StartsWith("name:", StringComparison.Ordinal))
            .Select(d => d.Key)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var taken = new SpanSet();
        foreach (var detection in accepted)
        {
            taken.Add(detection);
        }

        var found = new List<Detection>();
        foreach (var key in keys)
        {
            var surname = key["name:".Length..];
            if (surname.Length < 2)
            {
                continue;
            }

            var pattern = @"(?<![\p{L}\p{N}])" + string.Join(@"\s+", surname.Split(' ').Select(Regex.Escape)) + @"(?:'s|'|s)?(?![\p{L}\p{N}])";
            foreach (Match match in Regex.Matches(input.Folded, pattern, RegexOptions.CultureInvariant, Timeout))
            {
                var candidate = new Detection(ScrubEntityType.Person, match.Index, match.Length, Score, RecogniserName, ScrubEvidence.Propagated, key);
                if (HasCapital(input.Text, match.Index, match.Length) && !taken.AnyOverlapping(candidate.Start, candidate.End))
                {
                    taken.Add(candidate);
                    found.Add(candidate);
                }
            }
        }

        return found;
    }

    private static bool HasCapital(string text, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (char.IsUpper(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
