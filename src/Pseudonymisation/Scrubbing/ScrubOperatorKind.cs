namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// How a detected identifier is transformed (the Presidio "operator"). Chosen per entity type in
/// <see cref="ScrubberOptions.Operators"/>, so the choice is configuration, not code.
/// </summary>
public enum ScrubOperatorKind
{
    /// <summary>Replace with a typed, keyed token: <c>[BSN-3f9a]</c>. Same value in one document → same token.</summary>
    TypedToken,

    /// <summary>Replace with the type label only: <c>[BSN]</c>. Loses which mentions are the same value.</summary>
    TypeLabel,
}
