using SharingHub.Pseudonymisation.Pseudonyms;
using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Signals;

/// <summary>A signal whose identifiers parsed: ready for the policy check and pseudonymisation. Reveals nothing in ToString.</summary>
/// <param name="Fields">Content fields (convenant field id, raw text) in request order; empty when none. Scrubbed at ingest.</param>
/// <param name="Group">The group and its members for subject type <c>group</c>; null otherwise.</param>
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
    IdentityRecord? Reporter,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    ValidatedGroup? Group)
{
    public override string ToString() => $"ValidatedSignal {{ SubjectType = {SubjectTypeName}, Purpose = {Purpose} }}";
}

/// <summary>The members of a group signal, each parsed as a person (at least one match key each, no two sharing one).</summary>
public sealed record ValidatedGroup(IReadOnlyList<ValidatedMember> Members)
{
    public override string ToString() => $"ValidatedGroup {{ Members = {Members.Count} }}";
}

/// <summary>One member of a group signal. Reveals nothing in ToString.</summary>
public sealed record ValidatedMember(PersonIdentifiers Person, IdentityRecord Identity, KnownPerson? KnownPerson)
{
    public override string ToString() => "ValidatedMember(***)";
}

/// <summary>A validation failure: the JSON-ish field path and the stable code (never the value).</summary>
public readonly record struct FieldError(string Field, string Code);
