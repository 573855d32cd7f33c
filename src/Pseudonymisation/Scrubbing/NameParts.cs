namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>Shared vocabulary of Dutch names: tussenvoegsels and capitalised words that are not names.</summary>
internal static class NameParts
{
    /// <summary>Tussenvoegsels (folded), also Arabic and Romance particles that Dutch registers keep with the surname.</summary>
    public static readonly HashSet<string> Tussenvoegsels = new(StringComparer.Ordinal)
    {
        "van", "de", "der", "den", "het", "'t", "ten", "ter", "te", "op", "in", "la", "le", "el", "al", "da", "dos", "du",
        "von", "zu", "bin", "ben", "ibn", "abu", "d'", "di", "del", "della", "lo", "uit", "uijt", "vd", "des", "los", "das",
    };

    /// <summary>Capitalised words that follow a title or role word but are not names (folded).</summary>
    public static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "hij", "zij", "ze", "die", "dat", "deze", "dit", "het", "een", "ook", "verder", "vervolgens", "toen", "daarna", "wel",
        "niet", "op", "in", "om", "er", "als", "maar", "en", "of", "nog", "al", "zo", "na", "bij", "met", "voor", "door",
        "tijdens", "gisteren", "vandaag", "morgen", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
        "zondag", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december", "politie", "gemeente", "ggd", "om", "halt", "veilig", "thuis", "zorg", "jeugdzorg", "wijkteam",
        "boa", "nederland", "nederlandse", "u", "ik", "wij", "jij", "mij", "hem", "haar", "hen", "zijn", "wat", "wie", "waar",
        "hier", "daar", "nu", "dan", "toch", "ja", "nee", "geen", "alle", "sommige", "beide", "iemand", "niemand", "men",
        "riec", "zvh", "pgb", "wmo", "uwv", "ind", "kmar", "fiod", "nvt", "n.v.t", "onbekend", "onbekende", "anoniem", "nn",
        "nederlander", "marokkaan", "turk", "pool", "surinamer", "antilliaan", "belg", "duitser", "syrier", "eritreeer",
        "afghaan", "somaliër", "somalier", "roemeen", "bulgaar", "brit", "fransman", "spanjaard", "italiaan", "iraniër", "iranier",
    };

    /// <summary>Places whose names look like surnames with tussenvoegsels (folded).</summary>
    public static readonly HashSet<string> Places = new(StringComparer.Ordinal)
    {
        "den haag", "de bilt", "den bosch", "den helder", "de meern", "den ham", "de lier", "den burg", "de koog", "de rijp",
        "den dungen", "de wijk", "de lutte", "ter apel", "ten boer", "ter aar", "de kwakel", "de goorn", "den hoorn",
    };

    /// <summary>Endings of organisation names ("Woonstichting", "Zorggroep"), folded.</summary>
    public static readonly string[] OrganisationEndings =
    [
        "stichting", "corporatie", "groep", "instelling", "vereniging", "bedrijf", "bureau", "centrum", "dienst", "team", "zorg",
    ];

    public static bool IsTussenvoegsel(string folded) => Tussenvoegsels.Contains(folded);

    public static bool IsOrganisationWord(string folded) => OrganisationEndings.Any(e => folded.EndsWith(e, StringComparison.Ordinal));
}
