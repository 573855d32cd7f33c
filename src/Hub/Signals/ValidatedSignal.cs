using SharingHub.Pseudonymisation.Pseudonyms;
using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Signals;

/// <summary>A signal whose identifiers parsed: ready for the policy check and pseudonymisation. Reveals nothing in ToString.</summary>
public sealed record ValidatedSignal(
    SubjectIdentifiers Subject,
    string SubjectTypeName,
    IdentityRecord Identity,
    KnownPerson? KnownPerson,
    string Purpose,
    IReadOnlyList<string> Categories,
    string Phase,
    bool IsMinor,
    string? Summary,
    IdentityRecord? Reporter)
{
    public override string ToString() => $"ValidatedSignal {{ SubjectType = {SubjectTypeName}, Purpose = {Purpose} }}";
}

/// <summary>A validation failure: the JSON-ish field path and the stable code (never the value).</summary>
public readonly record struct FieldError(string Field, string Code);
