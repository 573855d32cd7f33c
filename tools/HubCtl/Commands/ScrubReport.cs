using System.Text.Json;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// The optional findings report of <c>hubctl scrub</c>: per finding the type, offset and length in the ORIGINAL
/// text (UTF-16 code units), token, score, recogniser and evidence. Never the values.
/// </summary>
internal static class ScrubReport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static byte[] Serialise(ScrubResult result, string keyMode)
    {
        var report = new
        {
            offsets = "utf16",
            key = keyMode,
            count = result.Findings.Count,
            byType = result.Findings.GroupBy(f => f.Type.TokenLabel()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            findings = result.Findings.Select(f => new
            {
                type = f.Type.TokenLabel(),
                start = f.Start,
                length = f.Length,
                token = f.Token,
                score = f.Score,
                recogniser = f.Recogniser,
                evidence = f.Evidence.ToString(),
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(report, Options);
    }
}
