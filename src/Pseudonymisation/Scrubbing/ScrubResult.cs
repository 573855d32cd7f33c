using System.Diagnostics;

namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>The scrubbed text and what was replaced. <see cref="ToString"/> shows counts only.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ScrubResult
{
    internal ScrubResult(string text, IReadOnlyList<ScrubFinding> findings)
    {
        Text = text;
        Findings = findings;
    }

    /// <summary>The text with every accepted finding replaced by its operator's output (e.g. a typed token).</summary>
    public string Text { get; }

    /// <summary>Findings in order of their position in the original text; no plaintext values.</summary>
    public IReadOnlyList<ScrubFinding> Findings { get; }

    /// <summary>Counts only: the scrubbed text may still hold what the recognisers missed.</summary>
    public override string ToString() => $"ScrubResult {{ Findings = {Findings.Count}, Length = {Text.Length} }}";
}
