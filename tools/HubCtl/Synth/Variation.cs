namespace SharingHub.HubCtl.Synth;

/// <summary>
/// Every kind of variation the generator applies, with its weight within its field group. When a group is
/// varied (probability = --typo-rate), one applicable kind is drawn by weight; kinds that do not apply to the value
/// (no tussenvoegsel, a single given name, a day above 12, …) are skipped. docs/SYNTHETIC_DATA.md lists them.
/// </summary>
internal enum Variation
{
    BsnMissing,
    BsnDigitWrong,
    BsnDigitsTransposed,
    BsnOfHouseholdMember,
    BsnLeadingZeroDropped,

    GivenNamesInitials,
    GivenNamesFirstOnly,
    GivenNamesCallName,
    GivenNamesLetterTypo,
    GivenNamesIjY,
    GivenNamesDiacritics,
    GivenNamesCase,
    GivenNamesOcr,

    SurnamePrefixDropped,
    SurnamePrefixAbbreviated,
    SurnamePrefixChanged,
    SurnamePrefixMerged,
    SurnamePrefixCapitalised,
    SurnameDoubleName,
    SurnameLetterTypo,
    SurnameIjY,
    SurnameDiacritics,
    SurnameCase,
    SurnameOcr,

    DateOfBirthDayMonthSwapped,
    DateOfBirthDigitWrong,
    DateOfBirthYearDigitsTransposed,
    DateOfBirthOffByOneDay,
    DateOfBirthFirstOfJanuary,
    DateOfBirthMissing,

    GenderMissing,
    GenderFlipped,
    GenderUnknown,

    AddressMovedHouse,
    AddressHouseNumberDigitWrong,
    AddressSuffixVariation,
    AddressPostcodeTypo,
    AddressPostcodeFormat,
    AddressStreetVariation,
    AddressCityVariation,

    PhoneMissing,
    PhoneReformatted,
    PhoneDigitWrong,
    PhoneDigitsTransposed,
    PhoneOtherNumber,

    EmailMissing,
    EmailOtherAddress,
    EmailCase,
    EmailTypo,
}

internal static class VariationWeights
{
    /// <summary>Relative weights of the variations within each field group.</summary>
    public static readonly IReadOnlyDictionary<FieldGroup, (Variation Kind, double Weight)[]> ByGroup = new Dictionary<FieldGroup, (Variation, double)[]>
    {
        [FieldGroup.Bsn] =
        [
            (Variation.BsnMissing, 50), (Variation.BsnDigitWrong, 25), (Variation.BsnDigitsTransposed, 12),
            (Variation.BsnOfHouseholdMember, 5), (Variation.BsnLeadingZeroDropped, 8),
        ],
        [FieldGroup.GivenNames] =
        [
            (Variation.GivenNamesInitials, 25), (Variation.GivenNamesFirstOnly, 20), (Variation.GivenNamesCallName, 10),
            (Variation.GivenNamesLetterTypo, 25), (Variation.GivenNamesIjY, 4), (Variation.GivenNamesDiacritics, 5),
            (Variation.GivenNamesCase, 5), (Variation.GivenNamesOcr, 6),
        ],
        [FieldGroup.Surname] =
        [
            (Variation.SurnamePrefixDropped, 9), (Variation.SurnamePrefixAbbreviated, 9), (Variation.SurnamePrefixChanged, 6),
            (Variation.SurnamePrefixMerged, 4), (Variation.SurnamePrefixCapitalised, 3), (Variation.SurnameDoubleName, 12),
            (Variation.SurnameLetterTypo, 33), (Variation.SurnameIjY, 8), (Variation.SurnameDiacritics, 4),
            (Variation.SurnameCase, 6), (Variation.SurnameOcr, 6),
        ],
        [FieldGroup.DateOfBirth] =
        [
            (Variation.DateOfBirthDayMonthSwapped, 30), (Variation.DateOfBirthDigitWrong, 30), (Variation.DateOfBirthYearDigitsTransposed, 8),
            (Variation.DateOfBirthOffByOneDay, 10), (Variation.DateOfBirthFirstOfJanuary, 7), (Variation.DateOfBirthMissing, 15),
        ],
        [FieldGroup.Gender] = [(Variation.GenderMissing, 70), (Variation.GenderFlipped, 20), (Variation.GenderUnknown, 10)],
        [FieldGroup.Address] =
        [
            (Variation.AddressMovedHouse, 40), (Variation.AddressHouseNumberDigitWrong, 12), (Variation.AddressSuffixVariation, 12),
            (Variation.AddressPostcodeTypo, 10), (Variation.AddressPostcodeFormat, 8), (Variation.AddressStreetVariation, 12),
            (Variation.AddressCityVariation, 6),
        ],
        [FieldGroup.Phone] =
        [
            (Variation.PhoneMissing, 35), (Variation.PhoneReformatted, 25), (Variation.PhoneDigitWrong, 15),
            (Variation.PhoneDigitsTransposed, 5), (Variation.PhoneOtherNumber, 20),
        ],
        [FieldGroup.Email] = [(Variation.EmailMissing, 35), (Variation.EmailOtherAddress, 30), (Variation.EmailCase, 10), (Variation.EmailTypo, 25)],
    };
}
