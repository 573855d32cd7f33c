using System.Diagnostics;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>The parsed identifiers of one subject record; <see cref="MatchKeys.InputsFor"/> turns them into match-key inputs.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public abstract record SubjectIdentifiers
{
    private protected SubjectIdentifiers()
    {
    }

    public abstract SubjectType SubjectType { get; }

    /// <summary>The type only: identifiers never appear in ToString.</summary>
    public sealed override string ToString() => $"{GetType().Name}(***)";
}

/// <summary>A person; every identifier is optional (null when missing or invalid).</summary>
public sealed record PersonIdentifiers(
    Bsn? Bsn = null,
    PersonName? Name = null,
    DateOfBirth? DateOfBirth = null,
    DutchAddress? Address = null,
    Iban? Iban = null,
    PhoneNumber? Phone = null,
    EmailAddress? Email = null) : SubjectIdentifiers
{
    public override SubjectType SubjectType => SubjectType.Person;
}

/// <summary>An address subject (a dwelling or premises).</summary>
public sealed record AddressIdentifiers(DutchAddress Address) : SubjectIdentifiers
{
    public override SubjectType SubjectType => SubjectType.Address;
}

/// <summary>A company.</summary>
public sealed record CompanyIdentifiers(KvkNumber Kvk) : SubjectIdentifiers
{
    public override SubjectType SubjectType => SubjectType.Company;
}

/// <summary>A vehicle.</summary>
public sealed record VehicleIdentifiers(Kenteken Kenteken) : SubjectIdentifiers
{
    public override SubjectType SubjectType => SubjectType.Vehicle;
}

/// <summary>
/// A group of persons as one partner labels it (PmG: "PMG-2026-017"). The partner id is part of the key: the same label
/// from two partners names two groups.
/// </summary>
public sealed record GroupIdentifiers(string PartnerId, GroupReference Reference) : SubjectIdentifiers
{
    public override SubjectType SubjectType => SubjectType.Group;
}
