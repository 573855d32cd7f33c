using System.Text.RegularExpressions;

namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>
/// Dutch addresses: postcode with house number ("1234 AB 12", "1234AB, nr 12") 0.9; postcode after the word
/// "postcode" 0.85; a bare upper-case postcode 0.6 (not when the letters are a common abbreviation such as
/// "OM" or "PV"); street + house number ("Kerkstraat 12a", "Burgemeester de Monchyplein 3") 0.85.
/// A street name without a house number is not scrubbed.
/// </summary>
internal sealed partial class AddressRecogniser : IEntityRecogniser
{
    public const double PostcodeWithNumber = 0.9;
    public const double PostcodeWithContext = 0.85;
    public const double PostcodeOnly = 0.6;
    public const double StreetWithNumber = 0.85;

    private static readonly HashSet<string> NotPostcodeLetters = new(StringComparer.Ordinal)
    {
        "SA", "SD", "SS", "OM", "EN", "IN", "OP", "DE", "TE", "OF", "IS", "AL", "ZO", "NA", "OK", "PV", "BV", "NV", "VS", "EU",
        "UK", "TV", "CV", "PC", "KM", "CM", "MM", "KG", "GB", "MB", "KB", "AM", "PM", "ID", "HR", "IT", "NL", "BE", "DE", "FR",
        "ME", "MW", "GO", "AN", "AT", "ON", "OR", "TO", "NO", "SO", "UP", "US", "WE", "HE", "BY", "MY", "IF", "AS", "BE", "DO",
    };

    /// <summary>Letter pairs that are Dutch or English words: no postcode without a house number, nor after a year-like number, unless "postcode" is near.</summary>
    private static readonly HashSet<string> WordLetters = new(StringComparer.Ordinal)
    {
        "EN", "IN", "OP", "DE", "TE", "OF", "IS", "AL", "ZO", "NA", "OM", "ON", "TO", "AN", "AT", "OR", "IF", "AS", "BY", "MY",
        "WE", "HE", "DO", "GO", "NO", "SO", "UP", "US", "EU", "PV",
    };

    private static readonly HashSet<string> StreetPrefixWords = new(StringComparer.Ordinal)
    {
        "Van", "De", "Den", "Der", "Het", "Ter", "Ten", "Burgemeester", "Burg.", "Dokter", "Dr.", "Prins", "Prinses", "Koning",
        "Koningin", "Sint", "St.", "Oude", "Nieuwe", "Lange", "Korte", "Hoge", "Lage", "Grote", "Kleine", "Generaal", "Graaf",
        "Jonkheer", "Professor", "Prof.", "Pastoor", "Kapelaan", "Wethouder", "Meester", "Mr.", "Eerste", "Tweede", "Derde",
        "Noordelijke", "Zuidelijke", "Oostelijke", "Westelijke", "Johan", "Jan", "Willem", "Pieter", "Hendrik", "Karel", "Anna",
        "Admiraal", "Kolonel", "Majoor", "Kardinaal", "Bisschop", "Dominee", "Gravin", "Hertog", "Ridder", "Plein", "Achter",
        "Binnen", "Buiten", "Boven", "Beneden", "Voor", "Over", "Zuid", "Noord", "Oost", "West", "Vincent", "Piet", "Laan",
    };

    private static readonly HashSet<string> LowerTussen = new(StringComparer.Ordinal)
    {
        "van", "de", "der", "den", "het", "ten", "ter", "te", "'t", "op", "aan", "in", "la", "le", "du", "von",
    };

    private static readonly HashSet<string> NotStreets = new(StringComparer.OrdinalIgnoreCase)
    {
        "Gerechtshof", "Hof", "Binnenhof", "Kerkhof", "Politiebureau", "Wijkteam", "Zorgpark", "Artikel", "Weg", "Amsterdam",
        "Rotterdam", "Zaandam", "Schiedam", "Edam", "Volendam", "Beverwijk", "Harderwijk", "Katwijk", "Noordwijk", "Rijswijk",
        "Barneveld", "Haarlemmermeer", "Heerhugowaard", "Zandvoort", "Apeldoorn", "Hilversum", "Lelystad", "Middelburg", "Oosterhout",
    };

    /// <summary>What a street name ends with, case-sensitive (a standalone street word or a street ending), by last character.</summary>
    private static readonly Dictionary<char, string[]> StreetNameEndings = (StreetWords + "|" + StreetSuffixes).Split('|')
        .Distinct(StringComparer.Ordinal)
        .GroupBy(ending => ending[^1])
        .ToDictionary(group => group.Key, group => group.ToArray());

    internal static readonly string[] PostcodeContext = ["postcode", "pc", "adres", "woonadres", "postadres"];

    public string Name => "address";

    public void Recognise(ScrubInput input, List<Detection> results)
    {
        RecognisePostcodes(input, results);
        RecogniseStreets(input, results);
    }

    private void RecognisePostcodes(ScrubInput input, List<Detection> results)
    {
        foreach (Match match in Postcode().Matches(input.Text))
        {
            var letters = match.Groups["letters"].Value;
            var upper = letters.Equals(letters.ToUpperInvariant(), StringComparison.Ordinal);
            var lower = letters.Equals(letters.ToLowerInvariant(), StringComparison.Ordinal);
            var number = match.Groups["number"];
            var context = ContextWords.AnyBefore(input.Folded, match.Index, 30, PostcodeContext);
            var normalisedLetters = letters.ToUpperInvariant();
            // A postbus address belongs to an organisation, not to a person.
            if (normalisedLetters is "SA" or "SD" or "SS" || (!upper && !lower) || ContextWords.AnyBefore(input.Folded, match.Index, 20, ["postbus", "antwoordnummer"]))
            {
                continue;
            }

            // "2023 EN 2024", "In 2024 OP ..." are years followed by a word; "4407 TE 55" is a postcode.
            var digits = int.Parse(match.Groups["digits"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            if (!context && WordLetters.Contains(normalisedLetters) && (!number.Success || digits is >= 1900 and <= 2099))
            {
                continue;
            }

            double score;
            var evidence = ScrubEvidence.Pattern;
            var length = match.Length;
            if (number.Success)
            {
                score = PostcodeWithNumber;
            }
            else
            {
                length = match.Groups["postcode"].Length;
                if (context)
                {
                    score = PostcodeWithContext;
                    evidence |= ScrubEvidence.ContextWord;
                }
                else if (upper && !NotPostcodeLetters.Contains(letters))
                {
                    score = PostcodeOnly;
                }
                else
                {
                    continue;
                }
            }

            var key = match.Groups["digits"].Value + normalisedLetters + (number.Success ? " " + TextFolding.Normalise(number.Value).Replace(" ", string.Empty, StringComparison.Ordinal) : string.Empty);
            results.Add(new Detection(ScrubEntityType.Address, match.Index, length, score, Name, evidence, key));
        }
    }

    private void RecogniseStreets(ScrubInput input, List<Detection> results)
    {
        var text = input.Text;
        foreach (Match match in StreetWordFirst().Matches(text))
        {
            var key = TextFolding.Normalise(match.Value);
            results.Add(new Detection(ScrubEntityType.Address, match.Index, match.Length, StreetWithNumber, Name, ScrubEvidence.Pattern, key));
        }

        if (!MayHoldStreetWithNumber(text))
        {
            return;
        }

        foreach (Match match in Street().Matches(text))
        {
            var street = match.Groups["street"];
            if (NotStreets.Contains(street.Value))
            {
                continue;
            }

            var start = ExtendStreetBackwards(text, street.Index);
            var key = TextFolding.Normalise(text.AsSpan(start, street.Index + street.Length - start)) + " "
                + TextFolding.Normalise(match.Groups["number"].Value).Replace(" ", string.Empty, StringComparison.Ordinal);
            var end = match.Index + match.Length;
            results.Add(new Detection(ScrubEntityType.Address, start, end - start, StreetWithNumber, Name, ScrubEvidence.Pattern, key));
        }
    }

    /// <summary>
    /// False when <see cref="StreetPattern"/> cannot match: every match has a street word or ending right before a space
    /// and a digit (\d, any decimal digit), so a text without one is not scanned.
    /// </summary>
    internal static bool MayHoldStreetWithNumber(string text)
    {
        for (var space = text.IndexOf(' '); space >= 0 && space + 1 < text.Length; space = text.IndexOf(' ', space + 1))
        {
            if (!char.IsDigit(text[space + 1]))
            {
                continue;
            }

            var before = text.AsSpan(0, space);
            if (before.Length > 0 && StreetNameEndings.TryGetValue(before[^1], out var endings))
            {
                foreach (var ending in endings)
                {
                    if (before.EndsWith(ending, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Includes "Van", "Burgemeester de", "Oude" etc. before the street word.</summary>
    private static int ExtendStreetBackwards(string text, int streetStart)
    {
        var start = streetStart;
        var pendingLower = -1;
        for (var words = 0; words < 4; words++)
        {
            var (wordStart, word) = PreviousWord(text, pendingLower >= 0 ? pendingLower : start);
            if (word is null)
            {
                break;
            }

            if (StreetPrefixWords.Contains(word))
            {
                start = wordStart;
                pendingLower = -1;
            }
            else if (LowerTussen.Contains(word))
            {
                // Only part of the street if a capitalised prefix word precedes it ("Burgemeester de ...").
                pendingLower = wordStart;
            }
            else
            {
                break;
            }
        }

        return start;
    }

    private static (int Start, string? Word) PreviousWord(string text, int position)
    {
        var i = position - 1;
        if (i < 0 || text[i] != ' ')
        {
            return (position, null);
        }

        var end = i;
        while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] is '.' or '\'' or '-'))
        {
            i--;
        }

        return i == end ? (position, null) : (i, text[i..end]);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}\-/.])(?<postcode>(?<digits>[1-9]\d{3}) ?(?<letters>[A-Za-z]{2}))(?![\p{L}\p{N}])(?:,?[ \t]*(?:(?:nr|no|nummer|huisnummer|hnr)\.?[ \t]*)?(?<number>\d{1,5}(?:[ ]?[A-Za-z](?![\p{L}\p{N}])|-\d{1,4}|[ ]?-?(?:hs|bis)(?![\p{L}]))?)(?![\p{N}:.,]\d|[\p{L}\p{N}]|[ ]?(?:jaar|uur|km|meter|m|minuten|min|euro|%|x)(?![\p{L}])))?", RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();

    /// <summary>Street names that stand alone ("Laan 5"), as regex alternatives.</summary>
    private const string StreetWords = "Straat|Laan|Plein|Gracht|Kade|Singel|Dijk|Markt|Dam|Wal|Haven|Steeg|Dreef|Brink|Ring|Voorhout|Vaart|Wetering";

    /// <summary>Endings of street names ("Kerkstraat"), as regex alternatives.</summary>
    private const string StreetSuffixes = "straat|straatweg|laan|weg|plein|pleintje|gracht|kade|singel|dijk|hof|park|dreef|steeg|pad|markt|wal|plantsoen|erf|haven|burg|baan|dam|boulevard|allee|kamp|rade|oord|donk|akker|zijde|poort|brink|ring|oever|wetering|vaart|vliet|polder|hoven|gaarde|veld|straatje|steegje|lei|dreef|wijk|berg|bosch|bos|hout|horst|heuvel|kanaal|ven|broek|meer|kwartier";

    /// <summary>A street name, a space and a house number.</summary>
    internal const string StreetPattern =
        @"(?<![\p{L}\p{N}])(?<street>(?:" + StreetWords + @")|\p{Lu}[\p{L}'\-]*?(?:" + StreetSuffixes + @"))(?![\p{L}])[ ](?<number>\d{1,5}(?:[ ]?[A-Za-z](?![\p{L}\p{N}])|-\d{1,4}|[ ]?-?(?:hs|bis|I{1,3})(?![\p{L}]))?)(?![\p{N}]|[:.,]\d|[ ]?(?:jaar|uur|km|meter|m|minuten|min|euro|%|x|keer|personen|mensen|woningen|jan|januari|feb|februari|mrt|maart|apr|april|mei|jun|juni|jul|juli|aug|augustus|sep|sept|september|okt|oktober|nov|november|dec|december)(?![\p{L}]))";

    [GeneratedRegex(StreetPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Street();

    /// <summary>"Laan van Meerdervoort 25", "Plein van de Ridders 3", "Weg der Verenigde Naties 1".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:Laan|Plein|Weg|Kade|Dreef|Hof|Park|Singel)[ ](?:van|der|de|den|op|ten|ter|voor|achter|naar)(?:[ ](?:de|der|den|het))?[ ]\p{Lu}[\p{L}'\-]+(?:[ ]\p{Lu}[\p{L}'\-]+)?[ ]\d{1,5}(?:[ ]?[A-Za-z](?![\p{L}\p{N}])|-\d{1,4})?(?![\p{N}]|[:.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex StreetWordFirst();
}
