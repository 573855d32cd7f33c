using System.Text.RegularExpressions;

namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>E-mail addresses (local part @ domain with a top-level domain of two or more letters): 0.95.</summary>
internal sealed partial class EmailRecogniser : IEntityRecogniser
{
    public const double Score = 0.95;

    public string Name => "email";

    public void Recognise(ScrubInput input, List<Detection> results)
    {
        // Start only where an '@' is: walk back over the local part, then match the address from there.
        var text = input.Text;
        var searchFrom = 0;
        while (searchFrom < text.Length)
        {
            var at = text.IndexOf('@', searchFrom);
            if (at < 0)
            {
                break;
            }

            var start = at;
            while (start > 0 && IsLocalPartChar(text[start - 1]) && at - start < 64)
            {
                start--;
            }

            while (start < at && text[start] == '.')
            {
                start++;
            }

            var match = start < at ? Candidate().Match(text, start) : Match.Empty;
            if (match.Success && match.Index == start)
            {
                var key = TextFolding.Fold(text.AsSpan(match.Index, match.Length));
                results.Add(new Detection(ScrubEntityType.Email, match.Index, match.Length, Score, Name, ScrubEvidence.Pattern, key));
                searchFrom = match.Index + match.Length;
            }
            else
            {
                searchFrom = at + 1;
            }
        }
    }

    private static bool IsLocalPartChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}_%+\-]+(?:\.[\p{L}\p{N}_%+\-]+)*@[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?)*\.\p{L}{2,24}(?![\p{L}\p{N}\-])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
