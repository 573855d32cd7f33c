namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>
/// Names of persons the caller knows are in the text, matched case- and diacritic-insensitively on the folded
/// text: full name, any given name + surname, initials + surname ("J. de Vries", "J.W. de Vries"), with a
/// possessive ending ("Jansens", "Jansen's", "De Vries'"): 0.95; surname with tussenvoegsels alone ("De Vries",
/// "JANSEN") 0.9 and the first given name alone 0.7, both only when capitalised in the text. All mentions of
/// one person share one key: the subject's pseudonym when the caller passes it.
/// </summary>
internal sealed class KnownPersonRecogniser : IEntityRecogniser
{
    public const double FullName = 0.95;
    public const double SurnameOnly = 0.9;
    public const double GivenNameOnly = 0.7;

    public string Name => "known-person";

    public void Recognise(ScrubInput input, List<Detection> results)
    {
        var persons = input.KnownPersons;
        if (persons.Count == 0)
        {
            return;
        }

        var surnameForms = new string[persons.Count];
        for (var i = 0; i < persons.Count; i++)
        {
            surnameForms[i] = SurnameForm(persons[i]);
        }

        var folded = input.Folded;
        for (var i = 0; i < persons.Count; i++)
        {
            var person = persons[i];
            var pattern = KnownPersonPattern.Create(person);
            if (pattern is null || !pattern.MayOccurIn(folded))
            {
                continue;
            }

            var key = PersonKey(person, surnameForms[i]);
            var position = 0;
            while (pattern.NextMatch(folded, position, out var start, out var end, out var kind))
            {
                // Like Regex.Matches: the next search starts after this match, whether or not it is kept.
                position = end;
                var length = end - start;
                if (kind == KnownPersonPattern.Kind.Full)
                {
                    results.Add(new Detection(ScrubEntityType.Person, start, length, FullName, Name, ScrubEvidence.KnownPerson, key));
                }
                else if (kind == KnownPersonPattern.Kind.Surname && StartsCapitalised(input.Text, start, length, lastWord: true))
                {
                    // A surname shared by two known persons cannot be bound to either of them.
                    var surnameKey = IsShared(surnameForms, i) ? "surname:" + surnameForms[i] : key;
                    results.Add(new Detection(ScrubEntityType.Person, start, length, SurnameOnly, Name, ScrubEvidence.KnownPerson, surnameKey));
                }
                else if (kind == KnownPersonPattern.Kind.Given && StartsCapitalised(input.Text, start, length, lastWord: false))
                {
                    results.Add(new Detection(ScrubEntityType.Person, start, length, GivenNameOnly, Name, ScrubEvidence.KnownPerson, key));
                }
            }
        }
    }

    private static string PersonKey(KnownPerson person, string surnameForm) =>
        !string.IsNullOrWhiteSpace(person.Pseudonym)
            ? "pseudonym:" + person.Pseudonym.Trim()
            : "person:" + TextFolding.Normalise(person.GivenNames) + "|" + surnameForm;

    internal static string SurnameForm(KnownPerson person) =>
        TextFolding.Normalise((person.SurnamePrefix + " " + person.Surname).AsSpan());

    /// <summary>True when another known person has the same (non-empty) surname form.</summary>
    private static bool IsShared(string[] surnameForms, int index)
    {
        var form = surnameForms[index];
        if (form.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < surnameForms.Length; i++)
        {
            if (i != index && string.Equals(surnameForms[i], form, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the first letter of the first (or last) word of the span is upper case in the original.</summary>
    private static bool StartsCapitalised(string text, int start, int length, bool lastWord)
    {
        var index = start;
        if (lastWord)
        {
            // Skip tussenvoegsels: in "de Vries" the capital must be on "Vries" (or on "De").
            for (var i = start; i < start + length; i++)
            {
                if (char.IsUpper(text[i]))
                {
                    return true;
                }
            }

            return false;
        }

        return char.IsUpper(text[index]);
    }
}
