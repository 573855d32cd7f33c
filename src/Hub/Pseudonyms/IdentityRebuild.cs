using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Pseudonyms;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Pseudonyms;

/// <summary>
/// Rebuilds the parsed identifiers of a subject from its identity record as the vault returns it (raw values as submitted), with
/// the same parsers ingress used, so the match-key inputs (<see cref="MatchKeys.InputsFor"/>) equal those of ingress. A value that
/// no longer parses is left out (its old pseudonym then simply stays unmigrated and resolvable under its old key version).
/// </summary>
internal static class IdentityRebuild
{
    public static SubjectIdentifiers? From(IdentityRecord record, SubjectType type, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        string? Raw(string field) => record[field]?.Raw;
        return type switch
        {
            SubjectType.Person => new PersonIdentifiers(
                Value(Bsn.Parse(Raw(IdentityFieldNames.Bsn)), Raw(IdentityFieldNames.Bsn)),
                Raw(IdentityFieldNames.GivenNames) is null && Raw(IdentityFieldNames.SurnamePrefix) is null && Raw(IdentityFieldNames.Surname) is null
                    ? null
                    : Value(PersonName.Parse(Raw(IdentityFieldNames.GivenNames), Raw(IdentityFieldNames.SurnamePrefix), Raw(IdentityFieldNames.Surname)), string.Empty),
                Value(DateOfBirth.Parse(Raw(IdentityFieldNames.DateOfBirth), today), Raw(IdentityFieldNames.DateOfBirth)),
                Address(record),
                Value(Iban.Parse(Raw(IdentityFieldNames.Iban)), Raw(IdentityFieldNames.Iban)),
                Value(PhoneNumber.Parse(Raw(IdentityFieldNames.Phone)), Raw(IdentityFieldNames.Phone)),
                Value(EmailAddress.Parse(Raw(IdentityFieldNames.Email)), Raw(IdentityFieldNames.Email))),
            SubjectType.Address => Address(record) is { } address ? new AddressIdentifiers(address) : null,
            SubjectType.Company => Value(KvkNumber.Parse(Raw(IdentityFieldNames.Kvk)), Raw(IdentityFieldNames.Kvk)) is { } kvk ? new CompanyIdentifiers(kvk) : null,
            SubjectType.Vehicle => Value(Kenteken.Parse(Raw(IdentityFieldNames.Kenteken)), Raw(IdentityFieldNames.Kenteken)) is { } kenteken ? new VehicleIdentifiers(kenteken) : null,
            _ => null,
        };
    }

    private static DutchAddress? Address(IdentityRecord record)
    {
        var postcode = record[IdentityFieldNames.Postcode]?.Raw;
        var house = record[IdentityFieldNames.HouseNumber]?.Raw;
        return postcode is null && house is null ? null : Value(DutchAddress.Parse(postcode, house, record[IdentityFieldNames.HouseNumberSuffix]?.Raw,
            record[IdentityFieldNames.Street]?.Raw, record[IdentityFieldNames.City]?.Raw), postcode);
    }

    private static T? Value<T>(ParseResult<T> result, string? raw)
        where T : class => raw is not null && result.TryGetValue(out var value) ? value : null;
}
