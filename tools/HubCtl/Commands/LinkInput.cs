using SharingHub.HubCtl.Csv;
using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Linkage.Preparation;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// Parses person-record CSV rows into identifiers for linkage. A value that does not parse is treated as
/// missing (partners' data is messy; the row still links on what is valid). A row with no valid BSN, name,
/// date of birth or address is unusable: it is reported by id and left out.
/// </summary>
internal static class LinkInput
{
    public static (List<LinkageSubject> Subjects, List<string> Unusable) Parse(IReadOnlyList<PersonRecord> records, DateOnly today)
    {
        // Parsing (name folding above all) is the costliest part of reading; spread it over every core, in order.
        var parsed = new PersonIdentifiers[records.Count];
        Parallel.For(0, records.Count, i => parsed[i] = ToIdentifiers(records[i], today));
        var subjects = new List<LinkageSubject>(records.Count);
        var unusable = new List<string>();
        for (var i = 0; i < parsed.Length; i++)
        {
            var person = parsed[i];
            if (person.Bsn is null && person.Name is null && person.DateOfBirth is null && person.Address is null)
            {
                unusable.Add(records[i].RecordId);
                continue;
            }

            subjects.Add(new LinkageSubject(records[i].RecordId, person));
        }

        return (subjects, unusable);
    }

    private static PersonIdentifiers ToIdentifiers(PersonRecord r, DateOnly today)
    {
        var bsn = r.Bsn.Length > 0 && Bsn.Parse(r.Bsn).TryGetValue(out var b) ? b : null;
        var name = (r.GivenNames.Length > 0 || r.Surname.Length > 0)
            && PersonName.Parse(r.GivenNames, r.SurnamePrefix, r.Surname).TryGetValue(out var n) ? n : null;
        var dob = r.DateOfBirth.Length > 0 && DateOfBirth.Parse(r.DateOfBirth, today).TryGetValue(out var d) ? d : null;
        // Street and city are not passed: linkage keys and encodings use postcode, house number and suffix only,
        // and folding two more names per row was a fifth of the parsing time.
        var address = r.Postcode.Length > 0
            && DutchAddress.Parse(r.Postcode, r.HouseNumber, r.HouseNumberSuffix).TryGetValue(out var a) ? a : null;
        return new PersonIdentifiers(bsn, name, dob, address);
    }
}
