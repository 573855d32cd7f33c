using System.Text;
using System.Text.RegularExpressions;
using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

/// <summary>
/// TEST ORACLE ONLY. The regex-based known-person recogniser as it was before the hand-written matcher
/// (<see cref="KnownPersonPattern"/>) replaced it, copied unchanged apart from its name and namespace: a new
/// <see cref="Regex"/> per person per call. The differential tests assert that <see cref="KnownPersonRecogniser"/>
/// reports exactly what this reports. Do not use it outside tests and do not "fix" it: it defines the behaviour.
/// </summary>
internal sealed class RegexKnownPersonOracle : IEntityRecogniser
{
    private const double FullName = KnownPersonRecogniser.FullName;
    private const double SurnameOnly = KnownPersonRecogniser.SurnameOnly;
    private const double GivenNameOnly = KnownPersonRecogniser.GivenNameOnly;

    private const string Possessive = "(?:'s|'|s)?";
    // Patterns are escaped literals joined by \s+: no nested quantifiers, so no catastrophic backtracking and no timeout
    // (a timeout would throw on user text, which the scrubber must never do).
    private static readonly TimeSpan Timeout = Regex.InfiniteMatchTimeout;

    public string Name => "known-person";

    public void Recognise(ScrubInput input, List<Detection> results)
    {
        var surnameOwners = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var person in input.KnownPersons)
        {
            var surname = SurnameForm(person);
            if (surname.Length > 0)
            {
                surnameOwners[surname] = surnameOwners.GetValueOrDefault(surname) + 1;
            }
        }

        foreach (var person in input.KnownPersons)
        {
            var regex = Build(person);
            if (regex is null)
            {
                continue;
            }

            var key = PersonKey(person);
            var surnameForm = SurnameForm(person);
            foreach (Match match in regex.Matches(input.Folded))
            {
                if (match.Groups["full"].Success)
                {
                    results.Add(new Detection(ScrubEntityType.Person, match.Index, match.Length, FullName, Name, ScrubEvidence.KnownPerson, key));
                }
                else if (match.Groups["surname"].Success && StartsCapitalised(input.Text, match.Index, match.Length, lastWord: true))
                {
                    // A surname shared by two known persons cannot be bound to either of them.
                    var surnameKey = surnameOwners.GetValueOrDefault(surnameForm) > 1 ? "surname:" + surnameForm : key;
                    results.Add(new Detection(ScrubEntityType.Person, match.Index, match.Length, SurnameOnly, Name, ScrubEvidence.KnownPerson, surnameKey));
                }
                else if (match.Groups["given"].Success && StartsCapitalised(input.Text, match.Index, match.Length, lastWord: false))
                {
                    results.Add(new Detection(ScrubEntityType.Person, match.Index, match.Length, GivenNameOnly, Name, ScrubEvidence.KnownPerson, key));
                }
            }
        }
    }

    private static string PersonKey(KnownPerson person) =>
        !string.IsNullOrWhiteSpace(person.Pseudonym)
            ? "pseudonym:" + person.Pseudonym.Trim()
            : "person:" + TextFolding.Normalise(person.GivenNames) + "|" + SurnameForm(person);

    private static string SurnameForm(KnownPerson person) =>
        TextFolding.Normalise((person.SurnamePrefix + " " + person.Surname).AsSpan());

    private static Regex? Build(KnownPerson person)
    {
        var given = Words(person.GivenNames);
        var surname = Words(person.Surname);
        var prefix = Words(person.SurnamePrefix);
        var alternatives = new List<string>();
        string? surnamePattern = null;
        if (surname.Length > 0 && surname.Sum(w => w.Length) >= 2)
        {
            surnamePattern = Join(prefix.Concat(surname));
            if (given.Length > 0)
            {
                if (given.Length > 1)
                {
                    alternatives.Add(Join(given) + @"\s+" + surnamePattern);
                }

                alternatives.AddRange(given.Where(g => g.Length > 1).Select(g => Join([g]) + @"\s+" + surnamePattern));
                var initials = given.SelectMany(g => g.Split('-', StringSplitOptions.RemoveEmptyEntries)).Select(g => Regex.Escape(g[..1])).ToArray();
                var initialsPattern = new StringBuilder(initials[0]).Append(@"(?:\.\s*|\s+)");
                foreach (var initial in initials.Skip(1))
                {
                    initialsPattern.Append("(?:").Append(initial).Append(@"(?:\.\s*|\s+))?");
                }

                alternatives.Add(initialsPattern + surnamePattern);
                alternatives.Add(string.Concat(initials) + @"\s+" + surnamePattern);
            }
        }

        var pattern = new StringBuilder(@"(?<![\p{L}\p{N}])(?:");
        var any = false;
        if (alternatives.Count > 0)
        {
            pattern.Append("(?<full>(?:").Append(string.Join('|', alternatives.OrderByDescending(a => a.Length))).Append(')').Append(Possessive).Append(')');
            any = true;
        }

        if (surnamePattern is not null)
        {
            pattern.Append(any ? "|" : string.Empty).Append("(?<surname>").Append(surnamePattern).Append(Possessive).Append(')');
            any = true;
        }

        if (given.Length > 0 && given[0].Length > 1)
        {
            pattern.Append(any ? "|" : string.Empty).Append("(?<given>").Append(Join([given[0]])).Append(Possessive).Append(')');
            any = true;
        }

        pattern.Append(@")(?![\p{L}\p{N}])");
        return any ? new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Timeout) : null;
    }

    /// <summary>Folded words that hold at least one letter or digit, with leading and trailing hyphens removed.</summary>
    private static string[] Words(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : TextFolding.Normalise(value.Replace('.', ' '))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim('-'))
                .Where(w => w.Any(char.IsLetterOrDigit))
                .ToArray();

    /// <summary>Words separated by whitespace; a hyphen in a word may also be written as a space.</summary>
    private static string Join(IEnumerable<string> words) =>
        string.Join(@"\s+", words.Select(w => string.Join(@"(?:\s*-\s*|\s+)", w.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape))));

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
