using System.Diagnostics;

namespace SharingHub.Pseudonymisation.Linkage;

/// <summary>
/// The normalised quasi-identifiers of one record, as the Identifiers parsers produce them (names folded:
/// lower case, no diacritics; postcode "1234AB"; house number with suffix). They exist only while a record is
/// being encoded; the linker never sees them. Never printed: <see cref="ToString"/> is redacted.
/// </summary>
[DebuggerDisplay("QuasiIdentifiers (redacted)")]
public sealed class QuasiIdentifiers
{
    /// <summary>Given names, each folded ("jan", "willem"); initials as single letters.</summary>
    public IReadOnlyList<string> GivenNames { get; init; } = [];

    /// <summary>Tussenvoegsel, folded ("van der"), or null.</summary>
    public string? SurnamePrefix { get; init; }

    /// <summary>Surname without its prefix, folded ("berg"), or null.</summary>
    public string? Surname { get; init; }

    /// <summary>Date of birth, or null.</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Postcode "1234AB", or null.</summary>
    public string? Postcode { get; init; }

    /// <summary>House number with suffix ("12a"), or null.</summary>
    public string? HouseNumber { get; init; }

    /// <summary>True when nothing usable for fuzzy linkage is present.</summary>
    public bool IsEmpty =>
        GivenNames.Count == 0 && string.IsNullOrEmpty(Surname) && DateOfBirth is null && string.IsNullOrEmpty(Postcode);

    /// <inheritdoc />
    public override string ToString() => "QuasiIdentifiers (redacted)";
}
