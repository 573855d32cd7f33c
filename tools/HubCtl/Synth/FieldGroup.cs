using SharingHub.HubCtl.Csv;

namespace SharingHub.HubCtl.Synth;

/// <summary>The units the typo rate applies to: each group of a record is varied with probability --typo-rate.</summary>
internal enum FieldGroup
{
    Bsn,
    GivenNames,
    Surname,
    DateOfBirth,
    Gender,
    Address,
    Phone,
    Email,
}

internal static class FieldGroups
{
    public static readonly FieldGroup[] All = Enum.GetValues<FieldGroup>();

    /// <summary>The fields of <paramref name="record"/> that make up <paramref name="group"/>, joined with a separator.</summary>
    public static string Value(PersonRecord record, FieldGroup group) => group switch
    {
        FieldGroup.Bsn => record.Bsn,
        FieldGroup.GivenNames => record.GivenNames,
        FieldGroup.Surname => record.SurnamePrefix.Length == 0 && record.Surname.Length == 0 ? string.Empty : $"{record.SurnamePrefix}|{record.Surname}",
        FieldGroup.DateOfBirth => record.DateOfBirth,
        FieldGroup.Gender => record.Gender,
        FieldGroup.Address => record.Street.Length == 0 && record.Postcode.Length == 0
            ? string.Empty
            : $"{record.Street}|{record.HouseNumber}|{record.HouseNumberSuffix}|{record.Postcode}|{record.City}",
        FieldGroup.Phone => record.Phone,
        FieldGroup.Email => record.Email,
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    /// <summary>The group with all its fields emptied.</summary>
    public static PersonRecord Clear(PersonRecord record, FieldGroup group) => group switch
    {
        FieldGroup.Bsn => record with { Bsn = string.Empty },
        FieldGroup.GivenNames => record with { GivenNames = string.Empty },
        FieldGroup.Surname => record with { SurnamePrefix = string.Empty, Surname = string.Empty },
        FieldGroup.DateOfBirth => record with { DateOfBirth = string.Empty },
        FieldGroup.Gender => record with { Gender = string.Empty },
        FieldGroup.Address => record with { Street = string.Empty, HouseNumber = string.Empty, HouseNumberSuffix = string.Empty, Postcode = string.Empty, City = string.Empty },
        FieldGroup.Phone => record with { Phone = string.Empty },
        FieldGroup.Email => record with { Email = string.Empty },
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };
}
