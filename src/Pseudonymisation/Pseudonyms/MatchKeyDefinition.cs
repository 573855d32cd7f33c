namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>
/// One match key or identifier kind: its pseudonym tag, its stable name (the link reason in links CSVs and
/// audit entries), the subject type it identifies, and the fields it is made of, in hashing order.
/// </summary>
public sealed record MatchKeyDefinition(PseudonymKind Kind, char Tag, string Name, SubjectType SubjectType, IReadOnlyList<string> Fields, bool IsMatchKey);
