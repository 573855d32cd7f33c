namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// One replaced identifier. Holds offsets into the ORIGINAL text (UTF-16 code units), never the value itself:
/// the caller keeps the original (encrypted) and can look the span up when it is allowed to.
/// </summary>
/// <param name="Type">What kind of identifier.</param>
/// <param name="Start">Offset of the first character in the original text.</param>
/// <param name="Length">Number of characters replaced in the original text.</param>
/// <param name="Token">The replacement written into the scrubbed text, e.g. <c>[BSN-3f9a]</c>.</param>
/// <param name="Score">Confidence in [0, 1].</param>
/// <param name="Recogniser">Name of the recogniser that found it.</param>
/// <param name="Evidence">Why it was found.</param>
public sealed record ScrubFinding(
    ScrubEntityType Type,
    int Start,
    int Length,
    string Token,
    double Score,
    string Recogniser,
    ScrubEvidence Evidence)
{
    /// <summary>Offset just past the last replaced character in the original text.</summary>
    public int End => Start + Length;
}
