using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Pseudonymisation.Linkage.Preparation;

/// <summary>A partner record on its way into linkage: its row id and its parsed identifiers. ToString shows the id only.</summary>
public sealed record LinkageSubject(string RecordId, PersonIdentifiers Person)
{
    /// <inheritdoc />
    public override string ToString() => $"LinkageSubject {{ RecordId = {RecordId} }}";
}
