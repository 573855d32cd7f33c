namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// The field names of identity records: the person-record CSV columns plus company and vehicle identifiers.
/// Disclosure grants name these fields; the vault decrypts each field separately.
/// </summary>
public static class IdentityFieldNames
{
    public const string Bsn = "bsn";
    public const string GivenNames = "given_names";
    public const string SurnamePrefix = "surname_prefix";
    public const string Surname = "surname";
    public const string DateOfBirth = "date_of_birth";
    public const string Gender = "gender";
    public const string Street = "street";
    public const string HouseNumber = "house_number";
    public const string HouseNumberSuffix = "house_number_suffix";
    public const string Postcode = "postcode";
    public const string City = "city";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Kvk = "kvk";
    public const string Kenteken = "kenteken";
    public const string Iban = "iban";

    public const int MaxLength = 32;

    /// <summary>1..32 characters of [a-z0-9_]; other names than the constants above are allowed.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
