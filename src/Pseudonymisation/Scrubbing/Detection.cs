namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// What a recogniser returns: a typed span with score and evidence. <see cref="Key"/> is the normalised value
/// (or the subject's pseudonym) that the token id is derived from; it is plaintext, stays inside the assembly
/// and is left out of <see cref="ToString"/>.
/// </summary>
internal readonly struct Detection(ScrubEntityType type, int start, int length, double score, string recogniser, ScrubEvidence evidence, string key)
{
    public ScrubEntityType Type { get; } = type;

    public int Start { get; } = start;

    public int Length { get; } = length;

    public int End => Start + Length;

    public double Score { get; } = score;

    public string Recogniser { get; } = recogniser;

    public ScrubEvidence Evidence { get; } = evidence;

    /// <summary>Normalised value or pseudonym binding; never leaves the scrubber.</summary>
    public string Key { get; } = key;

    public bool Overlaps(in Detection other) => Start < other.End && other.Start < End;

    public override string ToString() => $"Detection {{ {Type} [{Start}..{End}) {Score:0.00} {Recogniser} }}";
}
