using System.Diagnostics;

namespace SharingHub.HubCtl.Csv;

/// <summary>
/// One row of a person record CSV (see <see cref="PersonRecordCsv.Columns"/>). All fields are raw strings as the
/// partner wrote them; empty means "not held". <see cref="ToString"/> shows only the record id: the other fields
/// are identifiers.
/// </summary>
[DebuggerDisplay("PersonRecord {RecordId}")]
public sealed record PersonRecord
{
    public required string RecordId { get; init; }

    public string Bsn { get; init; } = string.Empty;

    /// <summary>All given names, space-separated ("Johannes Cornelis"), or initials as the partner holds them.</summary>
    public string GivenNames { get; init; } = string.Empty;

    /// <summary>Tussenvoegsel(s), e.g. "van der".</summary>
    public string SurnamePrefix { get; init; } = string.Empty;

    public string Surname { get; init; } = string.Empty;

    /// <summary>yyyy-MM-dd as written by the partner (not validated here).</summary>
    public string DateOfBirth { get; init; } = string.Empty;

    public string Gender { get; init; } = string.Empty;

    public string Street { get; init; } = string.Empty;

    public string HouseNumber { get; init; } = string.Empty;

    public string HouseNumberSuffix { get; init; } = string.Empty;

    public string Postcode { get; init; } = string.Empty;

    public string City { get; init; } = string.Empty;

    public string Phone { get; init; } = string.Empty;

    public string Email { get; init; } = string.Empty;

    public override string ToString() => $"PersonRecord {{ RecordId = {RecordId} }}";
}
