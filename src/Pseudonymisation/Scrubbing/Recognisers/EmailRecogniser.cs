using System.Text.RegularExpressions;

namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>E-mail addresses (local part @ domain with a top-level domain of two or more letters): 0.95.</summary>
internal sealed partial class EmailRecogniser : IEntityRecogniser
{
    public const double Score = 0.95;

    public string Name => "email";

    public void Recognise(ScrubInput input, List<Detection> results)
    {
        foreach (var match in Candidate().EnumerateMatches(input.Text))
        {
            var key = TextFolding.Fold(input.Text.AsSpan(match.Index, match.Length));
            results.Add(new Detection(ScrubEntityType.Email, match.Index, match.Length, Score, Name, ScrubEvidence.Pattern, key));
        }
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}_%+\-]+(?:\.[\p{L}\p{N}_%+\-]+)*@[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?)*\.\p{L}{2,24}(?![\p{L}\p{N}\-])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
