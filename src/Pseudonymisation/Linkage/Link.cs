namespace SharingHub.Pseudonymisation.Linkage;

/// <summary>
/// One decided link between a left and a right record, with its explanation: <see cref="Reason"/> names the
/// match key or comparison that decided it ("bsn", "name+dob", "fuzzy:0.93"); <see cref="Comparisons"/> says
/// what was compared (the exact key, or the Dice score and the blocking passes that proposed the pair).
/// Ids are the partners' row ids; no identifier is in a link.
/// </summary>
public sealed record Link(string LeftId, string RightId, double Score, string Reason, string Comparisons);
