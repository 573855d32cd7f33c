using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Pseudonyms;
using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Signals;

/// <summary>
/// Turns a <see cref="SignalRequest"/> into a <see cref="ValidatedSignal"/> with the identifier parsers, or the first
/// <see cref="FieldError"/> (field path and code; SH10xx for identifiers). Never throws on user input.
/// </summary>
public static class SignalValidator
{
    public const int MaxIdLength = 64;
    public const int MaxCategories = 32;
    public const string DefaultPhase = "signal";

    public static (ValidatedSignal? Signal, FieldError Error) Validate(SignalRequest? request, DateOnly today)
    {
        if (request is null)
        {
            return Fail("$", SignalErrorCodes.MissingField);
        }

        if (!TryId(request.Purpose, "purpose", out var error))
        {
            return (null, error);
        }

        if (request.Categories is null || request.Categories.Count == 0)
        {
            return Fail("categories", SignalErrorCodes.MissingField);
        }

        if (request.Categories.Count > MaxCategories)
        {
            return Fail("categories", SignalErrorCodes.InvalidField);
        }

        for (var i = 0; i < request.Categories.Count; i++)
        {
            if (!TryId(request.Categories[i], $"categories[{i}]", out error))
            {
                return (null, error);
            }
        }

        var phase = string.IsNullOrEmpty(request.Phase) ? DefaultPhase : request.Phase;
        if (!TryId(phase, "phase", out error))
        {
            return (null, error);
        }

        if (request.Summary is { Length: > Signal.SummaryMaxLength })
        {
            return Fail("summary", SignalErrorCodes.InvalidField);
        }

        if (request.Identifiers is null)
        {
            return Fail("identifiers", SignalErrorCodes.MissingField);
        }

        var (subject, identity, known, subjectError) = request.SubjectType switch
        {
            null or "" => (null, null, null, new FieldError("subjectType", SignalErrorCodes.MissingField)),
            "person" => ParsePerson(request.Identifiers, "identifiers", today),
            "address" => ParseAddress(request.Identifiers),
            "company" => ParseCompany(request.Identifiers),
            "vehicle" => ParseVehicle(request.Identifiers),
            _ => (null, null, null, new FieldError("subjectType", SignalErrorCodes.InvalidField)),
        };
        if (subject is null || identity is null)
        {
            return (null, subjectError);
        }

        if (!MatchKeys.InputsFor(subject).Any(i => MatchKeys.Get(i.Kind).IsMatchKey))
        {
            return Fail("identifiers", SignalErrorCodes.NoMatchKey);
        }

        IdentityRecord? reporter = null;
        if (request.Reporter is not null)
        {
            var (_, reporterIdentity, _, reporterError) = ParsePerson(request.Reporter, "reporter", today);
            if (reporterIdentity is null)
            {
                return (null, reporterError);
            }

            if (reporterIdentity.Fields.Count == 0)
            {
                return Fail("reporter", SignalErrorCodes.MissingField);
            }

            reporter = reporterIdentity;
        }

        return (new ValidatedSignal(subject, request.SubjectType!, identity, known, request.Purpose!, request.Categories!, phase,
            request.IsMinor ?? false, string.IsNullOrEmpty(request.Summary) ? null : request.Summary, reporter), default);
    }

    private static (ValidatedSignal?, FieldError) Fail(string field, string code) => (null, new FieldError(field, code));

    private static bool TryId(string? value, string field, out FieldError error)
    {
        error = default;
        if (string.IsNullOrEmpty(value))
        {
            error = new FieldError(field, SignalErrorCodes.MissingField);
            return false;
        }

        if (value.Length > MaxIdLength || !value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            error = new FieldError(field, SignalErrorCodes.InvalidField);
            return false;
        }

        return true;
    }

    private static (SubjectIdentifiers?, IdentityRecord?, KnownPerson?, FieldError) ParsePerson(SignalIdentifiers ids, string prefix, DateOnly today)
    {
        var fields = new List<KeyValuePair<string, IdentityField>>();
        Bsn? bsn = null;
        PersonName? name = null;
        DateOfBirth? dob = null;
        DutchAddress? address = null;
        Iban? iban = null;
        PhoneNumber? phone = null;
        EmailAddress? email = null;
        if (ids.Bsn is not null)
        {
            var parsed = Bsn.Parse(ids.Bsn);
            if (!parsed.TryGetValue(out bsn))
            {
                return Bad(prefix + ".bsn", parsed.ErrorCode);
            }

            Add(fields, IdentityFieldNames.Bsn, ids.Bsn, bsn.Normalised);
        }

        if (!string.IsNullOrEmpty(ids.GivenNames) || !string.IsNullOrEmpty(ids.SurnamePrefix) || !string.IsNullOrEmpty(ids.Surname))
        {
            var parsed = PersonName.Parse(ids.GivenNames, ids.SurnamePrefix, ids.Surname);
            if (!parsed.TryGetValue(out name))
            {
                return Bad(prefix + ".surname", parsed.ErrorCode);
            }

            AddIfPresent(fields, IdentityFieldNames.GivenNames, ids.GivenNames, name.GivenNames);
            AddIfPresent(fields, IdentityFieldNames.SurnamePrefix, ids.SurnamePrefix, name.SurnamePrefix);
            AddIfPresent(fields, IdentityFieldNames.Surname, ids.Surname, name.Surname);
        }

        if (ids.DateOfBirth is not null)
        {
            var parsed = DateOfBirth.Parse(ids.DateOfBirth, today);
            if (!parsed.TryGetValue(out dob))
            {
                return Bad(prefix + ".dateOfBirth", parsed.ErrorCode);
            }

            Add(fields, IdentityFieldNames.DateOfBirth, ids.DateOfBirth, dob.Normalised);
        }

        if (ids.Address is not null)
        {
            var (parsed, error) = ParseAddressFields(ids.Address, prefix + ".address", fields);
            if (parsed is null)
            {
                return (null, null, null, error);
            }

            address = parsed;
        }

        if (ids.Iban is not null)
        {
            var parsed = Iban.Parse(ids.Iban);
            if (!parsed.TryGetValue(out iban))
            {
                return Bad(prefix + ".iban", parsed.ErrorCode);
            }

            Add(fields, IdentityFieldNames.Iban, ids.Iban, iban.Normalised);
        }

        if (ids.Phone is not null)
        {
            var parsed = PhoneNumber.Parse(ids.Phone);
            if (!parsed.TryGetValue(out phone))
            {
                return Bad(prefix + ".phone", parsed.ErrorCode);
            }

            Add(fields, IdentityFieldNames.Phone, ids.Phone, phone.Normalised);
        }

        if (ids.Email is not null)
        {
            var parsed = EmailAddress.Parse(ids.Email);
            if (!parsed.TryGetValue(out email))
            {
                return Bad(prefix + ".email", parsed.ErrorCode);
            }

            Add(fields, IdentityFieldNames.Email, ids.Email, email.Normalised);
        }

        if (ids.Kvk is not null || ids.Kenteken is not null)
        {
            return Bad(prefix + (ids.Kvk is not null ? ".kvk" : ".kenteken"), SignalErrorCodes.InvalidField);
        }

        var known = name is null ? null : new KnownPerson(name.RawGivenNames, name.RawSurnamePrefix, name.RawSurname);
        return (new PersonIdentifiers(bsn, name, dob, address, iban, phone, email), new IdentityRecord(fields), known, default);
    }

    private static (SubjectIdentifiers?, IdentityRecord?, KnownPerson?, FieldError) ParseAddress(SignalIdentifiers ids)
    {
        if (ids.Address is null)
        {
            return Bad("identifiers.address", SignalErrorCodes.MissingField);
        }

        var fields = new List<KeyValuePair<string, IdentityField>>();
        var (address, error) = ParseAddressFields(ids.Address, "identifiers.address", fields);
        return address is null ? (null, null, null, error) : (new AddressIdentifiers(address), new IdentityRecord(fields), null, default);
    }

    private static (SubjectIdentifiers?, IdentityRecord?, KnownPerson?, FieldError) ParseCompany(SignalIdentifiers ids)
    {
        if (ids.Kvk is null)
        {
            return Bad("identifiers.kvk", SignalErrorCodes.MissingField);
        }

        var parsed = KvkNumber.Parse(ids.Kvk);

        if (!parsed.TryGetValue(out var kvk))
        {
            return Bad("identifiers.kvk", parsed.ErrorCode);
        }

        var fields = new List<KeyValuePair<string, IdentityField>>();
        Add(fields, IdentityFieldNames.Kvk, ids.Kvk, kvk.Normalised);
        return (new CompanyIdentifiers(kvk), new IdentityRecord(fields), null, default);
    }

    private static (SubjectIdentifiers?, IdentityRecord?, KnownPerson?, FieldError) ParseVehicle(SignalIdentifiers ids)
    {
        if (ids.Kenteken is null)
        {
            return Bad("identifiers.kenteken", SignalErrorCodes.MissingField);
        }

        var parsed = Kenteken.Parse(ids.Kenteken);
        if (!parsed.TryGetValue(out var kenteken))
        {
            return Bad("identifiers.kenteken", parsed.ErrorCode);
        }

        var fields = new List<KeyValuePair<string, IdentityField>>();
        Add(fields, IdentityFieldNames.Kenteken, ids.Kenteken, kenteken.Normalised);
        return (new VehicleIdentifiers(kenteken), new IdentityRecord(fields), null, default);
    }

    private static (DutchAddress?, FieldError) ParseAddressFields(SignalAddress raw, string field, List<KeyValuePair<string, IdentityField>> fields)
    {
        var parsed = DutchAddress.Parse(raw.Postcode, raw.HouseNumber, raw.Suffix, raw.Street, raw.City);
        if (!parsed.TryGetValue(out var address))
        {
            return (null, new FieldError(field, parsed.ErrorCode));
        }

        Add(fields, IdentityFieldNames.Postcode, raw.Postcode ?? string.Empty, address.Postcode.Normalised);
        Add(fields, IdentityFieldNames.HouseNumber, raw.HouseNumber ?? string.Empty, address.HouseNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AddIfPresent(fields, IdentityFieldNames.HouseNumberSuffix, raw.Suffix, address.Suffix);
        AddIfPresent(fields, IdentityFieldNames.Street, raw.Street, address.Street);
        AddIfPresent(fields, IdentityFieldNames.City, raw.City, address.City);
        return (address, default);
    }

    private static (SubjectIdentifiers?, IdentityRecord?, KnownPerson?, FieldError) Bad(string field, string code) => (null, null, null, new FieldError(field, code));

    private static void Add(List<KeyValuePair<string, IdentityField>> fields, string name, string raw, string? normalised) =>
        fields.Add(new(name, new IdentityField(raw, normalised)));

    private static void AddIfPresent(List<KeyValuePair<string, IdentityField>> fields, string name, string? raw, string? normalised)
    {
        if (!string.IsNullOrEmpty(raw))
        {
            Add(fields, name, raw, normalised);
        }
    }
}
