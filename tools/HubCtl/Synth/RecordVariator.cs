using System.Globalization;
using Bogus;
using SharingHub.HubCtl.Csv;

namespace SharingHub.HubCtl.Synth;

/// <summary>
/// Turns a partner's exact copy of a person into what that partner really holds: each field group that the
/// record holds is varied with probability <see cref="TypoRate"/>, by one variation drawn from
/// <see cref="VariationWeights"/>. A varied group always differs from the exact value.
/// </summary>
internal sealed class RecordVariator
{
    private static readonly Dictionary<string, string[]> PrefixAbbreviations = new(StringComparer.Ordinal)
    {
        ["van der"] = ["v.d.", "vd", "v/d", "v. d."], ["van den"] = ["v.d.", "vd", "v/d"], ["van de"] = ["v.d.", "vd"],
        ["van"] = ["v.", "v"], ["van 't"] = ["v.'t", "v't"], ["de"] = ["d."], ["ter"] = ["t."], ["ten"] = ["t."],
        ["op de"] = ["o.d."], ["op den"] = ["o.d."], ["in 't"] = ["i.'t"], ["van het"] = ["v.h."],
    };

    private static readonly Dictionary<string, string[]> PrefixConfusions = new(StringComparer.Ordinal)
    {
        ["van der"] = ["van de", "van den"], ["van den"] = ["van der", "van de"], ["van de"] = ["van der", "van den"],
        ["de"] = ["den", "van de"], ["den"] = ["de"], ["ter"] = ["ten"], ["ten"] = ["ter"], ["van"] = ["van de", "van der"],
        ["'t"] = ["van 't"], ["van 't"] = ["'t", "van het"], ["in 't"] = ["van 't"], ["op de"] = ["op den"], ["op den"] = ["op de"],
        ["te"] = ["ter"], ["der"] = ["van der"], ["van het"] = ["van 't"],
    };

    private static readonly (string Word, string[] Short)[] StreetAbbreviations =
    [
        ("straat", ["str.", "str"]), ("laan", ["ln"]), ("Burgemeester", ["Burg.", "Burgem."]), ("Dokter", ["Dr.", "Dr"]),
        ("Professor", ["Prof.", "Prof"]), ("Sint", ["St.", "St"]), ("Koningin", ["Kon."]), ("Prinses", ["Pr."]), ("Generaal", ["Gen."]),
        ("Admiraal", ["Adm."]), ("Pastoor", ["Past."]), ("plein", ["pl."]), ("weg", ["wg"]), ("Eerste", ["1e"]), ("Tweede", ["2e"]),
    ];

    private readonly AddressFactory _addresses;
    private readonly ContactFactory _contacts;
    private readonly List<(Variation Kind, double Weight)> _candidates = [];

    public RecordVariator(double typoRate, AddressFactory addresses, ContactFactory contacts)
    {
        TypoRate = typoRate;
        _addresses = addresses;
        _contacts = contacts;
    }

    public double TypoRate { get; }

    /// <summary>Varies each held group of <paramref name="exact"/> with probability <see cref="TypoRate"/>.</summary>
    public PersonRecord Apply(PersonRecord exact, SynthPerson person, Faker faker, IReadOnlyDictionary<Variation, double>? habits = null)
    {
        var record = exact;
        foreach (var group in FieldGroups.All)
        {
            if (FieldGroups.Value(exact, group).Length > 0 && faker.Random.Chance(TypoRate))
            {
                record = Vary(record, group, person, faker, out _, habits);
            }
        }

        return record;
    }

    /// <summary>Applies one variation to <paramref name="group"/>; the result always differs in that group.</summary>
    public PersonRecord Vary(PersonRecord record, FieldGroup group, SynthPerson person, Faker faker, out Variation? applied, IReadOnlyDictionary<Variation, double>? habits = null)
    {
        var before = FieldGroups.Value(record, group);
        _candidates.Clear();
        foreach (var (kind, weight) in VariationWeights.ByGroup[group])
        {
            _candidates.Add((kind, weight * (habits is not null && habits.TryGetValue(kind, out var factor) ? factor : 1.0)));
        }

        while (_candidates.Count > 0)
        {
            var index = PickIndex(faker.Random);
            var kind = _candidates[index].Kind;
            _candidates.RemoveAt(index);
            var varied = Try(kind, record, person, faker);
            if (varied is not null && FieldGroups.Value(varied, group) != before)
            {
                applied = kind;
                return varied;
            }
        }

        applied = null;
        return FieldGroups.Clear(record, group);
    }

    private int PickIndex(Randomizer random)
    {
        var total = 0.0;
        foreach (var (_, weight) in _candidates)
        {
            total += weight;
        }

        var target = random.Double() * total;
        for (var i = 0; i < _candidates.Count; i++)
        {
            target -= _candidates[i].Weight;
            if (target < 0)
            {
                return i;
            }
        }

        return _candidates.Count - 1;
    }

    private PersonRecord? Try(Variation kind, PersonRecord r, SynthPerson person, Faker faker)
    {
        var random = faker.Random;
        return kind switch
        {
            Variation.BsnMissing => r with { Bsn = string.Empty },
            Variation.BsnDigitWrong => With(r, TextTypos.DigitWrong(random, r.Bsn), (x, v) => x with { Bsn = v }),
            Variation.BsnDigitsTransposed => With(r, TextTypos.DigitsTransposed(random, r.Bsn), (x, v) => x with { Bsn = v }),
            Variation.BsnOfHouseholdMember => With(r, OtherMemberBsn(random, person), (x, v) => x with { Bsn = v }),
            Variation.BsnLeadingZeroDropped => r.Bsn.StartsWith('0') ? r with { Bsn = r.Bsn.TrimStart('0') } : null,

            Variation.GivenNamesInitials => r with { GivenNames = Initials(random, r.GivenNames) },
            Variation.GivenNamesFirstOnly => r.GivenNames.Contains(' ', StringComparison.Ordinal) ? r with { GivenNames = r.GivenNames.Split(' ')[0] } : null,
            Variation.GivenNamesCallName => person.CallName != person.GivenNames[0] ? r with { GivenNames = person.CallName } : null,
            Variation.GivenNamesLetterTypo => With(r, TextTypos.LetterTypo(random, r.GivenNames), (x, v) => x with { GivenNames = v }),
            Variation.GivenNamesIjY => With(r, TextTypos.IjY(random, r.GivenNames), (x, v) => x with { GivenNames = v }),
            Variation.GivenNamesDiacritics => With(r, TextTypos.StripDiacritics(r.GivenNames), (x, v) => x with { GivenNames = v }),
            Variation.GivenNamesCase => With(r, TextTypos.CaseChange(random, r.GivenNames), (x, v) => x with { GivenNames = v }),
            Variation.GivenNamesOcr => With(r, TextTypos.Ocr(random, r.GivenNames), (x, v) => x with { GivenNames = v }),

            Variation.SurnamePrefixDropped => r.SurnamePrefix.Length > 0 ? r with { SurnamePrefix = string.Empty } : null,
            Variation.SurnamePrefixAbbreviated => PrefixFrom(r, PrefixAbbreviations, random),
            Variation.SurnamePrefixChanged => PrefixFrom(r, PrefixConfusions, random),
            Variation.SurnamePrefixMerged => r.SurnamePrefix.Length > 0
                ? r with { SurnamePrefix = string.Empty, Surname = (random.Chance(0.5) ? Capitalise(r.SurnamePrefix) : r.SurnamePrefix) + " " + r.Surname }
                : null,
            Variation.SurnamePrefixCapitalised => r.SurnamePrefix.Length > 0 && char.IsLower(r.SurnamePrefix[0]) ? r with { SurnamePrefix = Capitalise(r.SurnamePrefix) } : null,
            Variation.SurnameDoubleName => DoubleName(r, person, random),
            Variation.SurnameLetterTypo => With(r, TextTypos.LetterTypo(random, r.Surname), (x, v) => x with { Surname = v }),
            Variation.SurnameIjY => With(r, TextTypos.IjY(random, r.Surname), (x, v) => x with { Surname = v }),
            Variation.SurnameDiacritics => With(r, TextTypos.StripDiacritics(r.Surname), (x, v) => x with { Surname = v }),
            Variation.SurnameCase => random.Chance(0.5)
                ? r with { SurnamePrefix = r.SurnamePrefix.ToUpperInvariant(), Surname = r.Surname.ToUpperInvariant() }
                : With(r, TextTypos.CaseChange(random, r.Surname), (x, v) => x with { Surname = v }),
            Variation.SurnameOcr => With(r, TextTypos.Ocr(random, r.Surname), (x, v) => x with { Surname = v }),

            Variation.DateOfBirthDayMonthSwapped => Date(r, d => d.Day <= 12 && d.Day != d.Month ? new DateOnly(d.Year, d.Day, d.Month) : null),
            Variation.DateOfBirthDigitWrong => Date(r, d => DigitWrongDate(random, d)),
            Variation.DateOfBirthYearDigitsTransposed => Date(r, d => TransposedYear(d)),
            Variation.DateOfBirthOffByOneDay => Date(r, d => d.AddDays(random.Chance(0.5) ? 1 : -1)),
            Variation.DateOfBirthFirstOfJanuary => Date(r, d => d.Month == 1 && d.Day == 1 ? null : new DateOnly(d.Year, 1, 1)),
            Variation.DateOfBirthMissing => r with { DateOfBirth = string.Empty },

            Variation.GenderMissing => r with { Gender = string.Empty },
            Variation.GenderFlipped => r.Gender switch { "M" => r with { Gender = "V" }, "V" => r with { Gender = "M" }, _ => null },
            Variation.GenderUnknown => r with { Gender = "O" },

            Variation.AddressMovedHouse => MovedHouse(r, faker),
            Variation.AddressHouseNumberDigitWrong => With(r, TextTypos.DigitWrong(random, r.HouseNumber), (x, v) => v.StartsWith('0') ? null : x with { HouseNumber = v }),
            Variation.AddressSuffixVariation => SuffixVariation(r, random),
            Variation.AddressPostcodeTypo => With(r, PostcodeTypo(random, r.Postcode), (x, v) => x with { Postcode = v }),
            Variation.AddressPostcodeFormat => r.Postcode.Length == 6
                ? r with { Postcode = random.Number(0, 2) switch { 0 => $"{r.Postcode[..4]} {r.Postcode[4..]}", 1 => r.Postcode.ToLowerInvariant(), _ => $"{r.Postcode[..4]} {r.Postcode[4..].ToLowerInvariant()}" } }
                : null,
            Variation.AddressStreetVariation => With(r, StreetVariation(random, r.Street), (x, v) => x with { Street = v }),
            Variation.AddressCityVariation => CityVariation(r, random),

            Variation.PhoneMissing => r with { Phone = string.Empty },
            Variation.PhoneReformatted => With(r, Reformat(random, r.Phone, person.Address.AreaCode), (x, v) => x with { Phone = v }),
            Variation.PhoneDigitWrong => With(r, TextTypos.DigitWrong(random, r.Phone), (x, v) => x with { Phone = v }),
            Variation.PhoneDigitsTransposed => With(r, TextTypos.DigitsTransposed(random, r.Phone), (x, v) => x with { Phone = v }),
            Variation.PhoneOtherNumber => r with { Phone = ContactFactory.Format(random, ContactFactory.MobileDigits(random), 2) },

            Variation.EmailMissing => r with { Email = string.Empty },
            Variation.EmailOtherAddress => r with { Email = _contacts.OtherEmail(random, person.CallName, person.Surname) },
            Variation.EmailCase => With(r, EmailCase(random, r.Email), (x, v) => x with { Email = v }),
            Variation.EmailTypo => With(r, EmailTypo(random, r.Email), (x, v) => x with { Email = v }),
            _ => null,
        };
    }

    private static PersonRecord? With(PersonRecord record, string? value, Func<PersonRecord, string, PersonRecord?> set) =>
        string.IsNullOrEmpty(value) ? null : set(record, value);

    private static string? OtherMemberBsn(Randomizer random, SynthPerson person)
    {
        var others = person.Household.Members.Where(m => m != person).ToList();
        return others.Count == 0 ? null : random.Pick(others).Bsn;
    }

    private static string Initials(Randomizer random, string givenNames)
    {
        var letters = givenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => n.StartsWith("IJ", StringComparison.Ordinal) ? "IJ" : char.ToUpperInvariant(n[0]).ToString()).ToArray();
        return random.Number(0, 9) switch
        {
            < 5 => string.Concat(letters.Select(l => l + ".")),
            5 => string.Join('.', letters),
            6 or 7 => string.Concat(letters),
            8 => string.Join(' ', letters.Select(l => l + ".")),
            _ => letters[0] + ".",
        };
    }

    private static PersonRecord? PrefixFrom(PersonRecord r, Dictionary<string, string[]> table, Randomizer random) =>
        table.TryGetValue(r.SurnamePrefix, out var options) ? r with { SurnamePrefix = random.ArrayElement(options) } : null;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>For a double name: only one part, parts swapped or a space for the hyphen; for a partner's name: the birth name.</summary>
    private static PersonRecord? DoubleName(PersonRecord r, SynthPerson person, Randomizer random)
    {
        var hyphen = r.Surname.IndexOf('-', StringComparison.Ordinal);
        if (hyphen > 0)
        {
            var first = r.Surname[..hyphen];
            return random.Number(0, 3) switch
            {
                0 => r with { Surname = first },
                1 => r with { SurnamePrefix = person.BirthPrefix, Surname = person.BirthSurname },
                2 => r with { Surname = r.Surname.Replace('-', ' ') },
                _ => r with { SurnamePrefix = person.BirthPrefix, Surname = $"{person.BirthSurname}-{(r.SurnamePrefix.Length > 0 ? r.SurnamePrefix + " " : string.Empty)}{first}" },
            };
        }

        return person.BirthSurname != person.Surname || person.BirthPrefix != person.SurnamePrefix
            ? r with { SurnamePrefix = person.BirthPrefix, Surname = person.BirthSurname }
            : null;
    }

    private static PersonRecord? Date(PersonRecord r, Func<DateOnly, DateOnly?> change)
    {
        if (!DateOnly.TryParseExact(r.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var changed = change(date);
        return changed is { } d && d != date && d <= PopulationGenerator.ReferenceDate
            ? r with { DateOfBirth = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
            : null;
    }

    private static DateOnly? DigitWrongDate(Randomizer random, DateOnly date)
    {
        var text = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var at = random.Number(2, 7);
            var chars = text.ToCharArray();
            chars[at] = (char)('0' + ((chars[at] - '0' + random.Number(1, 9)) % 10));
            if (DateOnly.TryParseExact(chars, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var changed)
                && changed <= PopulationGenerator.ReferenceDate)
            {
                return changed;
            }
        }

        return null;
    }

    private static DateOnly? TransposedYear(DateOnly date)
    {
        var tens = date.Year / 10 % 10;
        var ones = date.Year % 10;
        if (tens == ones)
        {
            return null;
        }

        var year = date.Year - (tens * 10) - ones + (ones * 10) + tens;
        return year > PopulationGenerator.ReferenceDate.Year - 1 || (date.Month == 2 && date.Day == 29 && !DateTime.IsLeapYear(year))
            ? null
            : new DateOnly(year, date.Month, date.Day);
    }

    private PersonRecord MovedHouse(PersonRecord r, Faker faker)
    {
        var city = faker.Random.Chance(0.6) ? _addresses.FindCity(r.City) : null;
        var address = _addresses.Create(faker, city);
        return r with
        {
            Street = address.Street, HouseNumber = address.HouseNumber, HouseNumberSuffix = address.HouseNumberSuffix,
            Postcode = address.Postcode, City = address.City,
        };
    }

    private static PersonRecord? SuffixVariation(PersonRecord r, Randomizer random)
    {
        if (r.HouseNumberSuffix.Length == 0)
        {
            return null;
        }

        return random.Number(0, 3) switch
        {
            0 => r with { HouseNumberSuffix = string.Empty },
            1 => r with { HouseNumber = r.HouseNumber + r.HouseNumberSuffix, HouseNumberSuffix = string.Empty },
            2 => r.HouseNumberSuffix.Any(char.IsUpper)
                ? r with { HouseNumberSuffix = r.HouseNumberSuffix.ToLowerInvariant() }
                : r with { HouseNumberSuffix = r.HouseNumberSuffix.ToUpperInvariant() },
            _ => r with { HouseNumberSuffix = "-" + r.HouseNumberSuffix.TrimStart('-') },
        };
    }

    private static string? PostcodeTypo(Randomizer random, string postcode)
    {
        if (postcode.Length != 6)
        {
            return null;
        }

        if (random.Chance(0.5))
        {
            var digit = TextTypos.DigitWrong(random, postcode[1..4]);
            return digit is null ? null : postcode[0] + digit + postcode[4..];
        }

        if (postcode[4] != postcode[5] && random.Chance(0.5))
        {
            return postcode[..4] + postcode[5] + postcode[4];
        }

        var letters = DutchPlaces.PostcodeLetters;
        var at = random.Number(4, 5);
        var replacement = letters[(letters.IndexOf(postcode[at], StringComparison.Ordinal) + random.Number(1, letters.Length - 1)) % letters.Length];
        return string.Concat(postcode.AsSpan(0, at), replacement.ToString(), postcode.AsSpan(at + 1));
    }

    private static string? StreetVariation(Randomizer random, string street)
    {
        var abbreviations = StreetAbbreviations.Where(a => street.Contains(a.Word, StringComparison.Ordinal)).ToList();
        if (abbreviations.Count > 0 && random.Chance(0.6))
        {
            var (word, shorts) = random.Pick(abbreviations);
            var replaced = street.Replace(word, random.ArrayElement(shorts), StringComparison.Ordinal);
            return word is "straat" or "laan" or "plein" or "weg" && !street.EndsWith(word, StringComparison.Ordinal) ? street : replaced;
        }

        return random.Chance(0.7) ? TextTypos.LetterTypo(random, street) : TextTypos.CaseChange(random, street);
    }

    private PersonRecord? CityVariation(PersonRecord r, Randomizer random)
    {
        var city = _addresses.FindCity(r.City);
        if (city?.AlternativeName is { } alternative && random.Chance(0.5))
        {
            return r with { City = alternative };
        }

        return random.Number(0, 2) switch
        {
            0 => r with { City = r.City.ToUpperInvariant() },
            1 => With(r, TextTypos.LetterTypo(random, r.City), (x, v) => x with { City = v }),
            _ => r with { City = string.Empty },
        };
    }

    private static string? Reformat(Randomizer random, string phone, string areaCode)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("31", StringComparison.Ordinal) && phone.StartsWith('+'))
        {
            digits = "0" + digits[2..];
        }

        if (digits.Length != 10)
        {
            return null;
        }

        var areaLength = digits.StartsWith("06", StringComparison.Ordinal) ? 2 : digits.StartsWith(areaCode, StringComparison.Ordinal) ? areaCode.Length : 3;
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var formatted = ContactFactory.Format(random, digits, areaLength);
            if (formatted != phone)
            {
                return formatted;
            }
        }

        return null;
    }

    private static string? EmailCase(Randomizer random, string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            return null;
        }

        return random.Number(0, 2) switch
        {
            0 => email.ToUpperInvariant(),
            1 => Capitalise(email[..at]) + "@" + Capitalise(email[(at + 1)..]),
            _ => Capitalise(email),
        };
    }

    private static string? EmailTypo(Randomizer random, string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            return null;
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        if (random.Chance(0.6))
        {
            var typo = TextTypos.LetterTypo(random, local);
            return typo is null ? null : typo + "@" + domain;
        }

        var dot = domain.LastIndexOf('.');
        var changedDomain = random.Number(0, 2) switch
        {
            0 => TextTypos.SwapAdjacent(random, domain[..dot]) is { } swapped ? swapped + domain[dot..] : null,
            1 => domain.EndsWith(".com", StringComparison.Ordinal) ? domain[..^4] + ".nl" : domain[..dot] + ".com",
            _ => TextTypos.DropLetter(random, domain[..dot]) is { } dropped ? dropped + domain[dot..] : null,
        };
        return changedDomain is null ? null : local + "@" + changedDomain;
    }
}
