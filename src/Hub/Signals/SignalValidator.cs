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
    public const string GroupSubjectType = "group";

    /// <summary>Most content fields per signal.</summary>
    public const int MaxFields = 32;

    /// <summary>Longest content field value (characters, before scrubbing).</summary>
    public const int MaxFieldLength = 4000;

    /// <summary>Most members of one group signal.</summary>
    public const int MaxGroupMembers = 50;

    /// <summary>The vault field name of a group's own reference in <see cref="Signal.Identity"/>.</summary>
    public const string GroupReferenceField = "group_reference";

    /// <summary>
    /// Validates one request. <paramref name="partnerId"/> (the submitting hub partner) is needed for group signals: a
    /// group is keyed over partner id and reference; without it a group signal is refused as an invalid subject type.
    /// </summary>
    public static (ValidatedSignal? Signal, FieldError Error) Validate(SignalRequest? request, DateOnly today, string? partnerId = null)
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

        var (fields, fieldsError) = ParseFields(request.Fields);
        if (fields is null)
        {
            return (null, fieldsError);
        }

        if (request.SubjectType == GroupSubjectType)
        {
            return ValidateGroup(request, today, partnerId, phase, fields);
        }

        if (request.Group is not null)
        {
            return Fail("group", SignalErrorCodes.InvalidField);
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

        var (reporter, reporterError) = ParseReporter(request.Reporter, today);
        if (reporterError is { } failed)
        {
            return (null, failed);
        }

        return (new ValidatedSignal(subject, request.SubjectType!, identity, known, request.Purpose!, request.Categories!, phase,
            request.IsMinor ?? false, string.IsNullOrEmpty(request.Summary) ? null : request.Summary, reporter, fields, null), default);
    }

    private static (ValidatedSignal?, FieldError) ValidateGroup(
        SignalRequest request, DateOnly today, string? partnerId, string phase, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        if (string.IsNullOrEmpty(partnerId))
        {
            return Fail("subjectType", SignalErrorCodes.InvalidField);
        }

        if (request.Identifiers is not null)
        {
            return Fail("identifiers", SignalErrorCodes.InvalidField);
        }

        if (request.Group is null)
        {
            return Fail("group", SignalErrorCodes.MissingField);
        }

        var reference = GroupReference.Parse(request.Group.Reference);
        if (!reference.TryGetValue(out var groupReference))
        {
            return Fail("group.reference", reference.Error == IdentifierError.Empty ? SignalErrorCodes.MissingField : reference.ErrorCode);
        }

        var raw = request.Group.Members;
        if (raw is null || raw.Count == 0 || raw.Count > MaxGroupMembers)
        {
            return Fail("group.members", SignalErrorCodes.GroupSize);
        }

        var members = new List<ValidatedMember>(raw.Count);
        var keys = new HashSet<MatchKeyInput>();
        for (var i = 0; i < raw.Count; i++)
        {
            var path = $"group.members[{i}]";
            if (raw[i] is not { } ids)
            {
                return Fail(path, SignalErrorCodes.MissingField);
            }

            var (subject, identity, known, error) = ParsePerson(ids, path, today);
            if (subject is not PersonIdentifiers person || identity is null)
            {
                return (null, error);
            }

            var matchKeys = MatchKeys.InputsFor(person).Where(k => MatchKeys.Get(k.Kind).IsMatchKey).ToList();
            if (matchKeys.Count == 0)
            {
                return Fail(path, SignalErrorCodes.NoMatchKey);
            }

            foreach (var key in matchKeys)
            {
                if (!keys.Add(key))
                {
                    return Fail(path, SignalErrorCodes.DuplicateMember);
                }
            }

            members.Add(new ValidatedMember(person, identity, known));
        }

        var (reporter, reporterError) = ParseReporter(request.Reporter, today);
        if (reporterError is { } failed)
        {
            return (null, failed);
        }

        var identityRecord = new IdentityRecord([new(GroupReferenceField, new IdentityField(request.Group.Reference!, groupReference.Normalised))]);
        return (new ValidatedSignal(new GroupIdentifiers(partnerId, groupReference), GroupSubjectType, identityRecord, null, request.Purpose!,
            request.Categories!, phase, request.IsMinor ?? false, string.IsNullOrEmpty(request.Summary) ? null : request.Summary, reporter, fields,
            new ValidatedGroup(members)), default);
    }

    private static (IdentityRecord? Reporter, FieldError? Error) ParseReporter(SignalIdentifiers? raw, DateOnly today)
    {
        if (raw is null)
        {
            return (null, null);
        }

        var (_, identity, _, error) = ParsePerson(raw, "reporter", today);
        if (identity is null)
        {
            return (null, error);
        }

        return identity.Fields.Count == 0 ? (null, new FieldError("reporter", SignalErrorCodes.MissingField)) : (identity, null);
    }

    /// <summary>
    /// The content fields in request order: ids of at most <see cref="IdentityFieldNames.MaxLength"/> characters (they become
    /// vault field names), non-empty text of at most <see cref="MaxFieldLength"/> characters. A malformed id is reported as
    /// <c>fields</c> (the id itself is user input and is never echoed).
    /// </summary>
    private static (IReadOnlyList<KeyValuePair<string, string>>? Fields, FieldError Error) ParseFields(IReadOnlyDictionary<string, string?>? raw)
    {
        if (raw is null || raw.Count == 0)
        {
            return ([], default);
        }

        if (raw.Count > MaxFields)
        {
            return (null, new FieldError("fields", SignalErrorCodes.InvalidField));
        }

        var fields = new List<KeyValuePair<string, string>>(raw.Count);
        foreach (var (id, value) in raw)
        {
            if (!TryId(id, "fields", out _) || id.Length > IdentityFieldNames.MaxLength)
            {
                return (null, new FieldError("fields", SignalErrorCodes.InvalidField));
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                return (null, new FieldError("fields." + id, SignalErrorCodes.MissingField));
            }

            if (value.Length > MaxFieldLength)
            {
                return (null, new FieldError("fields." + id, SignalErrorCodes.InvalidField));
            }

            fields.Add(new(id, value));
        }

        return (fields, default);
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
