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

        // Surname forms are needed only for keys and shared surnames: normalised when first asked for.
        var surnameForms = new string?[persons.Count];
        var folded = input.Folded;
        for (var i = 0; i < persons.Count; i++)
        {
            var person = persons[i];
            var pattern = KnownPersonPattern.Create(person);
            if (pattern is null || !pattern.MayOccurIn(folded))
            {
                continue;
            }

            string? key = null;
            var position = 0;
            while (pattern.NextMatch(folded, position, out var start, out var end, out var kind))
            {
                // Like Regex.Matches: the next search starts after this match, whether or not it is kept.
                position = end;
                var length = end - start;
                if (kind == KnownPersonPattern.Kind.Full)
                {
                    key ??= PersonKey(i);
                    results.Add(new Detection(ScrubEntityType.Person, start, length, FullName, Name, ScrubEvidence.KnownPerson, key));
                }
                else if (kind == KnownPersonPattern.Kind.Surname && StartsCapitalised(input.Text, start, length, lastWord: true))
                {
                    // A surname shared by two known persons cannot be bound to either of them.
                    key ??= PersonKey(i);
                    var surnameKey = IsShared(i) ? "surname:" + SurnameFormOf(i) : key;
                    results.Add(new Detection(ScrubEntityType.Person, start, length, SurnameOnly, Name, ScrubEvidence.KnownPerson, surnameKey));
                }
                else if (kind == KnownPersonPattern.Kind.Given && StartsCapitalised(input.Text, start, length, lastWord: false))
                {
                    key ??= PersonKey(i);
                    results.Add(new Detection(ScrubEntityType.Person, start, length, GivenNameOnly, Name, ScrubEvidence.KnownPerson, key));
                }
            }
        }

        // All mentions of one person share one key: the pseudonym when the caller passes it.
        string PersonKey(int index) =>
            !string.IsNullOrWhiteSpace(persons[index].Pseudonym)
                ? "pseudonym:" + persons[index].Pseudonym!.Trim()
                : "person:" + TextFolding.Normalise(persons[index].GivenNames) + "|" + SurnameFormOf(index);

        string SurnameFormOf(int index) => surnameForms[index] ??= SurnameForm(persons[index]);

        // True when another known person has the same (non-empty) surname form.
        bool IsShared(int index)
        {
            var form = SurnameFormOf(index);
            if (form.Length == 0)
            {
                return false;
            }

            for (var other = 0; other < persons.Count; other++)
            {
                if (other != index && string.Equals(SurnameFormOf(other), form, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal static string SurnameForm(KnownPerson person) =>
        TextFolding.Normalise((person.SurnamePrefix + " " + person.Surname).AsSpan());

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
