namespace SharingHub.HubCtl.Synth;

/// <summary>
/// Name tables for Dutch synthetic persons. Surname frequencies follow the Meertens Instituut / CBG
/// "Nederlandse Familienamenbank" top 100 (bearers, rounded to thousands); the long tail is composed from
/// stems and toponyms (Bogus's Dutch place names) so that, as in reality, most surnames are rare.
/// </summary>
internal static class DutchNames
{
    /// <summary>Top-100 surnames as (prefix, surname, thousands of bearers). About 12% of the population.</summary>
    public static readonly (string Prefix, string Surname, int Thousands)[] TopSurnames =
    [
        ("de", "Jong", 87), ("", "Jansen", 73), ("de", "Vries", 72), ("van den", "Berg", 60), ("van", "Dijk", 56),
        ("", "Bakker", 55), ("", "Janssen", 54), ("", "Visser", 50), ("", "Smit", 44), ("", "Meijer", 41),
        ("de", "Boer", 40), ("", "Mulder", 38), ("de", "Groot", 37), ("", "Bos", 35), ("", "Vos", 32),
        ("", "Peters", 32), ("", "Hendriks", 31), ("van", "Leeuwen", 30), ("", "Dekker", 30), ("", "Brouwer", 29),
        ("de", "Wit", 28), ("", "Dijkstra", 28), ("", "Smits", 27), ("de", "Graaf", 27), ("van der", "Meer", 26),
        ("van der", "Linden", 25), ("", "Kok", 25), ("", "Jacobs", 24), ("de", "Haan", 24), ("", "Vermeulen", 24),
        ("van den", "Heuvel", 23), ("van der", "Veen", 23), ("van den", "Broek", 22), ("de", "Bruijn", 22), ("de", "Bruin", 21),
        ("van der", "Heijden", 21), ("", "Schouten", 21), ("van", "Beek", 20), ("", "Willems", 20), ("van", "Vliet", 20),
        ("van de", "Ven", 19), ("", "Hoekstra", 19), ("", "Maas", 19), ("", "Verhoeven", 19), ("", "Koster", 18),
        ("van", "Dam", 18), ("van der", "Wal", 18), ("", "Prins", 18), ("", "Blom", 17), ("", "Huisman", 17),
        ("", "Peeters", 17), ("de", "Jonge", 17), ("", "Kuipers", 16), ("van", "Veen", 16), ("", "Post", 16),
        ("", "Kuiper", 16), ("", "Veenstra", 16), ("", "Kramer", 16), ("van den", "Brink", 15), ("", "Scholten", 15),
        ("van", "Wijk", 15), ("", "Postma", 15), ("", "Martens", 15), ("", "Vink", 14), ("de", "Ruiter", 14),
        ("", "Timmermans", 14), ("", "Groen", 14), ("", "Gerritsen", 14), ("", "Jonker", 14), ("van", "Loon", 14),
        ("", "Boer", 13), ("van der", "Velde", 13), ("", "Willemsen", 13), ("", "Smeets", 13), ("de", "Lange", 13),
        ("de", "Vos", 13), ("", "Bosch", 13), ("van", "Dongen", 13), ("", "Schipper", 12), ("de", "Koning", 12),
        ("van der", "Laan", 12), ("", "Koning", 12), ("van der", "Velden", 12), ("", "Driessen", 12), ("van", "Doorn", 12),
        ("", "Hermans", 12), ("", "Evers", 12), ("van den", "Bosch", 12), ("van der", "Meulen", 11), ("", "Hofman", 11),
        ("", "Bosman", 11), ("", "Wolters", 11), ("", "Sanders", 11), ("van der", "Horst", 11), ("", "Mol", 11),
        ("", "Kuijpers", 11), ("", "Molenaar", 11), ("van de", "Pol", 11), ("de", "Leeuw", 11), ("", "Verbeek", 11),
    ];

    /// <summary>Tail prefixes with their share among prefixed surnames.</summary>
    public static readonly (string Prefix, double Weight)[] TailPrefixes =
    [
        ("van", 38), ("de", 20), ("van der", 11), ("van den", 8), ("van de", 6), ("ter", 3), ("ten", 3),
        ("van 't", 1.5), ("in 't", 1), ("'t", 1), ("op de", 1), ("op den", 0.5), ("den", 1.5), ("der", 0.5),
        ("van het", 0.5), ("te", 0.5), ("la", 0.3), ("d'", 0.2),
    ];

    /// <summary>Stems after "de" / "den": occupations, traits, origins.</summary>
    public static readonly string[] DeStems =
    [
        "Wit", "Groot", "Bruijn", "Bruin", "Haan", "Kok", "Jager", "Boer", "Koning", "Ruiter", "Lange", "Klerk", "Smit", "Visser",
        "Vries", "Jong", "Graaf", "Leeuw", "Rooij", "Rooy", "Kleijn", "Klein", "Witte", "Haas", "Mol", "Zwart", "Beer", "Wolf",
        "Hoog", "Kort", "Meester", "Man", "Waal", "Heer", "Keijzer", "Keizer", "Hollander", "Moor", "Backer", "Bakker", "Kruijf",
        "Vos", "Valk", "Gier", "Kraker", "Munck", "Ridder", "Schipper", "Snoo", "Swart", "Vreede", "Weerd", "Zeeuw", "Baets",
        "Hartog", "Uyl", "Dekker", "Bie", "Blaauw", "Gooijer", "Goede", "Heus", "Kock", "Lijster", "Mooij", "Nijs", "Pater",
    ];

    /// <summary>Stems after "van der/den/de", "ter/ten", "op de": landscape words.</summary>
    public static readonly string[] PlaceStems =
    [
        "Berg", "Heuvel", "Broek", "Meer", "Linden", "Veen", "Wal", "Laan", "Velde", "Hoek", "Burg", "Kamp", "Pol", "Zande",
        "Sluis", "Hulst", "Plas", "Molen", "Brink", "Steen", "Beek", "Werf", "Ven", "Vaart", "Horst", "Haar", "Brugge", "Hove",
        "Kate", "Heijden", "Meulen", "Velden", "Weide", "Bosch", "Akker", "Dool", "Hout", "Veld", "Poel", "Wiel", "Vliet",
        "Stoep", "Wetering", "Lee", "Hoeven", "Bijl", "Zijl", "Rijst", "Schoot", "Schaaf", "Wijngaard", "Woude", "Kraan",
        "Ploeg", "Sande", "Spek", "Steeg", "Ham", "Hoef", "Wijde", "Geest", "Klooster", "Kerkhof", "Kooij", "Zwaag",
    ];

    /// <summary>Stems for unprefixed tail surnames (combined with <see cref="StemSuffixes"/>).</summary>
    public static readonly string[] Stems =
    [
        "Hoog", "Kool", "Stam", "Brink", "Rade", "Wester", "Oost", "Zand", "Kamp", "Bleeker", "Ham", "Haver", "Koop", "Berk",
        "Bouw", "Dijk", "Eijk", "Geer", "Groen", "Harte", "Hof", "Holt", "Hui", "Jan", "Kuip", "Lam", "Lub", "Meij", "Mul",
        "Nieu", "Pol", "Reit", "Rijk", "Scheer", "Slot", "Spier", "Stol", "Ter", "Timmer", "Veld", "Vlie", "Wage", "Weste",
        "Wijn", "Zee", "Bol", "Bruin", "Gerrit", "Heer", "Hendrik", "Klaas", "Lok", "Mars", "Nijen", "Rozen", "Smed", "Tuin",
        "Beuk", "Blok", "Boeke", "Brons", "Dirk", "Elzen", "Feen", "Gaal", "Haan", "Kleen", "Koe", "Laar", "Leeu", "Nij",
        "Oude", "Peet", "Rijn", "Schol", "Sijt", "Sloot", "Stee", "Vaan", "Wessel", "Wil", "Zwier", "Bergs", "Hui", "Bijl",
    ];

    public static readonly string[] StemSuffixes =
    [
        "man", "mans", "s", "sen", "ink", "inga", "stra", "ma", "sma", "huis", "kamp", "veld", "berg", "hof", "horst", "dijk",
        "beek", "link", "ing", "er", "ers", "en", "ens", "ing", "kes", "ke", "stein", "meijer", "mulder", "boom", "bos", "broek",
        "laar", "lo", "voort", "winkel", "wijk", "zijl", "hoven", "kes", "ker", "kens", "ert", "erink", "enga", "ema",
    ];

    /// <summary>Turkish surnames are composed (Kara + taş = Karataş): the Dutch Turkish community has thousands of distinct names.</summary>
    public static readonly string[] TurkishRoots = ["Yıl", "Öz", "Ak", "Kara", "Ay", "Gül", "Er", "Koç", "Çak", "Yük", "Bay", "Ars", "Demir", "Kılıç", "Şen", "Tek", "Uz", "Yıldır", "Bozk", "Gök", "Ünal", "Tür", "Can", "Ateş"];

    public static readonly string[] TurkishSuffixes = ["maz", "türk", "kaya", "demir", "doğan", "soy", "oğlu", "han", "taş", "çelik", "er", "dağ", "göz", "can", "al", "ım", "ıcı", "yurt", "el", "ay"];

    /// <summary>Moroccan (Berber and Arabic) surname roots; often with "El", "Ben", "Ait" or "Bou".</summary>
    public static readonly string[] MoroccanRoots = ["Amrani", "Idrissi", "Ouahabi", "Khattabi", "Ghazali", "Bakkali", "Hamdaoui", "Kaddouri", "Azzouzi", "Haddouchi", "Boukhari", "Ouali", "Taleb", "Hadji", "Messaoudi", "Mansouri", "Ziani", "Ayadi", "Karimi", "Yousfi", "Allali", "Cherkaoui", "Tahiri", "Bouzid", "Aarab", "Hammouti", "Laaroussi", "Abdellaoui", "Bouali", "Azaouagh"];

    public static readonly string[] MoroccanParticles = ["El ", "El ", "Ben ", "Ait ", "Bou", "", "", ""];

    /// <summary>Surinamese-Hindostani names (Ram + lal = Ramlal) and other surnames of people with a migration background.</summary>
    public static readonly string[] HindostaniRoots = ["Ram", "Jag", "Soek", "Bihari", "Mahab", "Sew", "Ragoe", "Kan", "Pers", "Chot", "Ganpat", "Bis", "Sheo"];

    public static readonly string[] HindostaniSuffixes = ["lal", "din", "kisoen", "sahai", "persad", "charan", "dhan", "esar", "hoe", "nath", "dew", "sing", "oebir"];

    public static readonly string[] OtherMigrantSurnames =
    [
        "Kromodimedjo", "Nguyen", "Tran", "Le", "Pham", "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Santos", "da Silva",
        "Pereira", "Gonçalves", "Mohamud", "Abdi", "Tesfay", "Hakimi", "Rahimi", "Müller", "Schmidt", "Rodríguez", "García", "Popescu",
        "Ionescu", "Ivanova", "Chen", "Wang", "Li", "Zhang", "Martina", "Maduro", "Pinas", "Koster", "Sno", "Abena", "Tjon", "Lie",
    ];

    /// <summary>Official given names of people born before about 1960, with their usual call names (roepnamen).</summary>
    public static readonly (string Name, string[] CallNames)[] OldMale =
    [
        ("Johannes", ["Jan", "Hans", "Johan", "Joop"]), ("Cornelis", ["Kees", "Cor", "Niels"]), ("Hendrik", ["Henk", "Henny", "Rik"]),
        ("Jan", []), ("Pieter", ["Piet", "Peter"]), ("Gerrit", ["Gert", "Gerard"]), ("Jacobus", ["Koos", "Jaap", "Co"]),
        ("Willem", ["Wim", "Pim"]), ("Hendrikus", ["Henk", "Harry"]), ("Petrus", ["Piet", "Peter"]), ("Adrianus", ["Arie", "Adrie", "Janus"]),
        ("Antonius", ["Toon", "Anton", "Ton"]), ("Wilhelmus", ["Wim", "Willem", "Pim"]), ("Theodorus", ["Theo", "Dorus", "Dick"]),
        ("Gerardus", ["Gerard", "Gert", "Ger"]), ("Franciscus", ["Frans", "Frank", "Cees"]), ("Jacob", ["Jaap", "Koos"]),
        ("Dirk", []), ("Klaas", []), ("Albert", ["Bert", "Ab"]), ("Arie", []), ("Hermanus", ["Herman", "Manus"]),
        ("Martinus", ["Martin", "Tinus", "Tiny"]), ("Bernardus", ["Ben", "Bernard", "Benny"]), ("Marinus", ["Rinus", "Rien"]),
        ("Lambertus", ["Bert", "Lambert"]), ("Nicolaas", ["Klaas", "Niek", "Nico"]), ("Everhardus", ["Evert"]),
        ("Abraham", ["Bram", "Braam"]), ("Josephus", ["Joop", "Jos", "Sjef"]), ("Paulus", ["Paul"]), ("Leendert", ["Leen"]),
        ("Teunis", ["Teun"]), ("Maarten", []), ("Gijsbert", ["Gijs", "Bert"]), ("Frederik", ["Frits", "Freek"]),
        ("Hubertus", ["Huub", "Bert"]), ("Karel", []), ("Johan", []), ("Aart", []), ("Evert", []), ("Jozef", ["Jos", "Sjef"]),
        ("Matthijs", ["Thijs"]), ("Reinier", ["Rein"]), ("Christiaan", ["Chris"]), ("Egbert", ["Ep"]), ("Harm", []),
    ];

    public static readonly (string Name, string[] CallNames)[] OldFemale =
    [
        ("Maria", ["Marie", "Mies", "Marja", "Ria"]), ("Johanna", ["Joke", "Anneke", "Jo", "Hannie"]), ("Cornelia", ["Corrie", "Nel", "Cor"]),
        ("Anna", ["Annie", "An"]), ("Wilhelmina", ["Mien", "Willy", "Wilma", "Mina"]), ("Hendrika", ["Riek", "Henny", "Rika"]),
        ("Elisabeth", ["Els", "Lies", "Betty", "Bep"]), ("Catharina", ["Toos", "Tineke", "Karin", "Rina"]), ("Geertruida", ["Truus", "Geertje", "Trudy"]),
        ("Jacoba", ["Coby", "Co", "Koosje"]), ("Adriana", ["Jaan", "Adrie", "Janny"]), ("Petronella", ["Nel", "Nelly", "Pietje"]),
        ("Aaltje", ["Aal"]), ("Grietje", ["Griet"]), ("Neeltje", ["Nel"]), ("Margaretha", ["Greet", "Margriet", "Grietje"]),
        ("Christina", ["Stien", "Tine", "Chris"]), ("Gerarda", ["Gerda", "Ada"]), ("Antonia", ["Toos", "Tonny", "Toni"]),
        ("Theodora", ["Dora", "Thea"]), ("Francisca", ["Cis", "Frans"]), ("Helena", ["Leni", "Lenie", "Heleen"]),
        ("Alida", ["Aly", "Lida"]), ("Trijntje", ["Trijn"]), ("Hermina", ["Mien", "Minie"]), ("Bernardina", ["Dina", "Ina"]),
        ("Gerritdina", ["Dina", "Ina"]), ("Clasina", ["Sien", "Cla"]), ("Dirkje", ["Dirkie"]), ("Geesje", []),
        ("Jannetje", ["Jannie", "Jans"]), ("Hillegonda", ["Hilda", "Gonnie"]), ("Josephina", ["Jos", "Fien", "Josje"]),
        ("Gezina", ["Sina"]), ("Everdina", ["Dina", "Eef"]),
    ];

    /// <summary>Given names common for people born 1960-1990.</summary>
    public static readonly string[] MiddleMale =
    [
        "Peter", "Marco", "Dennis", "Mark", "Michel", "Robert", "Erik", "Jeroen", "Martijn", "Bas", "Sander", "Patrick", "Richard",
        "Ronald", "René", "Marcel", "Edwin", "Arjan", "Wouter", "Remco", "Joost", "Niels", "Rob", "Paul", "Frank", "Hans", "Wim",
        "Kees", "Henk", "Gerard", "Ruud", "John", "Jan", "Michiel", "Vincent", "Raymond", "Jeroen", "Maarten", "Bart", "Ivo",
        "Sjoerd", "Tjeerd", "Arno", "André", "Eric", "Jos", "Ton", "Leon", "Hugo", "Koen", "Thijs", "Stefan", "Mohamed",
    ];

    public static readonly string[] MiddleFemale =
    [
        "Sandra", "Monique", "Linda", "Ingrid", "Marieke", "Anja", "Petra", "Esther", "Sanne", "Kim", "Laura", "Lisa", "Anouk",
        "Iris", "Marloes", "Nicole", "Wendy", "Miranda", "Mariëlle", "Ellen", "Anita", "Karin", "José", "Renée", "Chantal",
        "Daniëlle", "Inge", "Saskia", "Hanneke", "Yvonne", "Ilse", "Femke", "Manon", "Judith", "Marjolein", "Annemarie",
        "Jolanda", "Astrid", "Bianca", "Claudia", "Diana", "Ester", "Heleen", "Jacqueline", "Mirjam", "Natasja", "Patricia",
        "Suzanne", "Tamara", "Nathalie", "Marije", "Fatima", "Rianne",
    ];

    /// <summary>The most popular names of recent birth cohorts (weighted higher than the rest of Bogus's list).</summary>
    public static readonly string[] PopularModernMale = ["Noah", "Sem", "Liam", "Lucas", "Daan", "Finn", "Levi", "Luuk", "Mees", "James", "Milan", "Sam", "Noud", "Bram", "Jesse", "Thomas", "Mohammed", "Adam", "Daniël", "Thijs"];

    public static readonly string[] PopularModernFemale = ["Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva", "Liv", "Lotte", "Saar", "Evi", "Noor", "Olivia", "Anna", "Fenna", "Lynn", "Chloë"];

    /// <summary>Given names of people with a migration background.</summary>
    public static readonly string[] MigrantMale = ["Mohamed", "Mohammed", "Mustafa", "Ahmed", "Youssef", "Ibrahim", "Hüseyin", "Mehmet", "Emre", "Ömer", "Rachid", "Karim", "Hamza", "Yusuf", "Ali", "Hassan", "Said", "Abdel", "Piotr", "Jakub", "Rishi", "Ravi", "Dewi", "Thanh"];

    public static readonly string[] MigrantFemale = ["Fatima", "Khadija", "Aicha", "Naima", "Zeynep", "Ayşe", "Elif", "Özlem", "Samira", "Nadia", "Malika", "Hatice", "Meryem", "Salma", "Yasmina", "Agnieszka", "Anna", "Sunita", "Priya", "Linh", "Amina", "Sevda"];
}
