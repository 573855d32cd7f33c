namespace SharingHub.HubCtl.Synth;

/// <summary>A municipality: name, inhabitants (thousands), its 4-digit postcode range and telephone area code.</summary>
internal sealed record DutchCity(string Name, int Thousands, int PostcodeFrom, int PostcodeTo, string AreaCode, string? AlternativeName = null);

/// <summary>
/// Places and streets. The cities are real municipalities with their real postcode ranges and area codes (65% of
/// the population); the other 35% live in villages named from Bogus's Dutch toponym list, each with its own
/// postcode range, so that postcode and city agree within a data set as they do in reality.
/// </summary>
internal static class DutchPlaces
{
    public static readonly DutchCity[] Cities =
    [
        new("Amsterdam", 930, 1011, 1109, "020"), new("Rotterdam", 670, 3011, 3089, "010"),
        new("'s-Gravenhage", 560, 2491, 2599, "070", "Den Haag"), new("Utrecht", 370, 3451, 3585, "030"),
        new("Eindhoven", 240, 5611, 5658, "040"), new("Groningen", 240, 9711, 9747, "050"), new("Tilburg", 225, 5011, 5049, "013"),
        new("Almere", 220, 1311, 1365, "036"), new("Breda", 185, 4811, 4839, "076"), new("Nijmegen", 180, 6511, 6546, "024"),
        new("Apeldoorn", 165, 7311, 7339, "055"), new("Arnhem", 165, 6811, 6846, "026"), new("Haarlem", 165, 2011, 2037, "023"),
        new("Enschede", 160, 7511, 7548, "053"), new("Amersfoort", 160, 3811, 3829, "033"), new("Zaanstad", 160, 1501, 1567, "075"),
        new("'s-Hertogenbosch", 160, 5211, 5249, "073", "Den Bosch"), new("Haarlemmermeer", 160, 2131, 2158, "023"),
        new("Zwolle", 130, 8011, 8043, "038"), new("Zoetermeer", 125, 2711, 2729, "079"), new("Leiden", 125, 2311, 2334, "071"),
        new("Maastricht", 120, 6211, 6229, "043"), new("Dordrecht", 120, 3311, 3329, "078"), new("Ede", 120, 6711, 6718, "0318"),
        new("Alphen aan den Rijn", 115, 2401, 2409, "0172"), new("Leeuwarden", 125, 8911, 8941, "058"), new("Alkmaar", 110, 1811, 1834, "072"),
        new("Emmen", 107, 7811, 7828, "0591"), new("Delft", 105, 2611, 2629, "015"), new("Venlo", 102, 5911, 5932, "077"),
        new("Deventer", 101, 7411, 7439, "0570"), new("Sittard-Geleen", 92, 6131, 6166, "046"), new("Helmond", 93, 5701, 5709, "0492"),
        new("Oss", 93, 5341, 5353, "0412"), new("Amstelveen", 92, 1181, 1189, "020"), new("Hilversum", 92, 1211, 1223, "035"),
        new("Heerlen", 87, 6411, 6422, "045"), new("Súdwest-Fryslân", 90, 8701, 8766, "0515"), new("Hengelo", 81, 7551, 7558, "074"),
        new("Purmerend", 81, 1441, 1448, "0299"), new("Schiedam", 79, 3111, 3125, "010"), new("Lelystad", 79, 8211, 8245, "0320"),
        new("Roosendaal", 77, 4701, 4709, "0165"), new("Leidschendam-Voorburg", 77, 2261, 2275, "070"), new("Gouda", 74, 2801, 2809, "0182"),
        new("Vlaardingen", 74, 3131, 3138, "010"), new("Hoorn", 74, 1621, 1628, "0229"), new("Almelo", 73, 7601, 7611, "0546"),
        new("Spijkenisse", 73, 3201, 3209, "0181"), new("Assen", 69, 9401, 9409, "0592"), new("Veenendaal", 67, 3901, 3907, "0318"),
        new("Capelle aan den IJssel", 67, 2901, 2909, "010"), new("Katwijk", 66, 2221, 2225, "071"), new("Zeist", 65, 3701, 3709, "030"),
        new("Nieuwegein", 64, 3430, 3439, "030"), new("Den Helder", 56, 1781, 1789, "0223"), new("Vlissingen", 45, 4381, 4389, "0118"),
        new("IJsselstein", 34, 3401, 3404, "030"), new("Bergen op Zoom", 68, 4611, 4625, "0164"), new("Middelburg", 49, 4331, 4339, "0118"),
    ];

    /// <summary>Street names that occur in almost every Dutch town.</summary>
    public static readonly string[] CommonStreets =
    [
        "Kerkstraat", "Dorpsstraat", "Schoolstraat", "Molenstraat", "Hoofdstraat", "Stationsweg", "Nieuwstraat", "Julianastraat",
        "Wilhelminastraat", "Beatrixstraat", "Oranjestraat", "Marktstraat", "Kastanjelaan", "Eikenlaan", "Beukenlaan", "Lindelaan",
        "Parallelweg", "Industrieweg", "Sportlaan", "Prins Bernhardstraat", "Prinses Irenestraat", "Koningin Julianaweg",
        "Emmastraat", "Kerkweg", "Raadhuisstraat", "Burgemeester de Withstraat", "Sint Janstraat", "Wilhelminalaan", "Molenweg",
        "Van 't Hoffstraat", "Prins Hendrikkade", "Tweede Oosterparkstraat", "Eerste Helmersstraat", "Dokter Schaepmanstraat",
    ];

    public static readonly string[] StreetTitles =
    [
        "Burgemeester", "Dokter", "Pastoor", "Professor", "Generaal", "Admiraal", "Sint", "Koningin", "Prins", "Prinses", "Graaf", "Kapitein", "Meester",
    ];

    public static readonly string[] NatureWords =
    [
        "Berken", "Tulp", "Merel", "Eiken", "Iepen", "Linden", "Wilgen", "Populier", "Roos", "Narcis", "Kievit", "Zwaluw",
        "Lijster", "Heide", "Vlier", "Hazel", "Esdoorn", "Klaver", "Lelie", "Jasmijn", "Reiger", "Fazant", "Mees", "Vink",
    ];

    /// <summary>Letters used in the letter part of postcodes (PostNL does not use F, I, O, Q, U and Y).</summary>
    public const string PostcodeLetters = "ABCDEGHJKLMNPRSTVWXZ";

    /// <summary>Letter pairs PostNL never issues.</summary>
    public static readonly string[] ForbiddenPostcodeLetterPairs = ["SA", "SD", "SS"];

    /// <summary>House number suffixes ("toevoegingen") and their relative frequency among suffixed numbers.</summary>
    public static readonly (string Suffix, double Weight)[] HouseNumberSuffixes =
    [
        ("A", 30), ("B", 14), ("C", 5), ("D", 2), ("1", 10), ("2", 8), ("3", 4), ("hs", 10), ("bis", 3), ("I", 4), ("II", 3), ("III", 1), ("-1", 3), ("rd", 1),
    ];

    /// <summary>E-mail providers used in the Netherlands, by rough popularity.</summary>
    public static readonly (string Domain, double Weight)[] EmailDomains =
    [
        ("gmail.com", 36), ("hotmail.com", 18), ("outlook.com", 8), ("live.nl", 6), ("ziggo.nl", 7), ("kpnmail.nl", 5), ("hotmail.nl", 4),
        ("planet.nl", 3), ("home.nl", 3), ("xs4all.nl", 2), ("icloud.com", 5), ("yahoo.com", 2), ("casema.nl", 1),
    ];
}
