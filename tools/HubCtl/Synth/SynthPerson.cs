namespace SharingHub.HubCtl.Synth;

/// <summary>A dwelling. Members of one household share the instance.</summary>
internal sealed record SynthAddress(string Street, string HouseNumber, string HouseNumberSuffix, string Postcode, string City, string AreaCode);

/// <summary>People living at one address; parents and children share surname and address.</summary>
internal sealed class SynthHousehold
{
    public SynthHousehold(SynthAddress address)
    {
        Address = address;
    }

    public SynthAddress Address { get; }

    public List<SynthPerson> Members { get; } = [];
}

/// <summary>
/// The true (canonical) identity of one synthetic person: what a perfect register would hold. Partner records are
/// projections of it, with the partner's gaps and the requested variation. Never printed: ToString shows only the id.
/// </summary>
internal sealed class SynthPerson
{
    public required int Index { get; init; }

    public required string EntityId { get; init; }

    public required string Bsn { get; init; }

    /// <summary>Official given names in order ("Johannes Cornelis" → ["Johannes", "Cornelis"]).</summary>
    public required string[] GivenNames { get; init; }

    /// <summary>The name the person goes by (roepnaam), often a short form of an official given name.</summary>
    public required string CallName { get; init; }

    /// <summary>Prefix of the name in use (may belong to the partner's name for a double surname).</summary>
    public required string SurnamePrefix { get; init; }

    /// <summary>Surname in use, e.g. "Jansen" or, for a double name, "Dijk-de Vries" (with prefix "van").</summary>
    public required string Surname { get; init; }

    /// <summary>Own birth name prefix and surname (differs from the name in use for a double name).</summary>
    public required string BirthPrefix { get; init; }

    public required string BirthSurname { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    /// <summary>"M" or "V" (man / vrouw).</summary>
    public required string Gender { get; init; }

    public required SynthHousehold Household { get; init; }

    public string Phone { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public SynthAddress Address => Household.Address;

    public string GivenNamesText => string.Join(' ', GivenNames);

    public int AgeAt(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > date ? age - 1 : age;
    }

    public override string ToString() => $"SynthPerson {EntityId}";
}
