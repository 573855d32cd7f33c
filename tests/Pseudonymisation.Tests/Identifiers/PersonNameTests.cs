using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Jan-Willem", "van der", "Berg", "jan willem", "van der", "berg", "jw")]
    [InlineData("J.W.", "v.d.", "Berg", "j w", "van der", "berg", "jw")]
    [InlineData("J. W.", "V.D.", "Berg", "j w", "van der", "berg", "jw")]
    [InlineData("JW", "vd", "Berg", "jw", "van der", "berg", "jw")]
    [InlineData("Jan", "v", "Dijk", "jan", "van", "dijk", "j")]
    [InlineData("Jan", "v. den", "Bosch", "jan", "van den", "bosch", "j")]
    [InlineData("Jan", "", "van der Berg", "jan", "van der", "berg", "j")]
    [InlineData("Jan", null, "Van Den Bosch", "jan", "van den", "bosch", "j")]
    [InlineData("Ömer", null, "Çelik", "omer", "", "celik", "o")]
    [InlineData("Zoë", null, "de Vries", "zoe", "de", "vries", "z")]
    [InlineData("Bülent", "", "Yılmaz", "bulent", "", "yilmaz", "b")]
    [InlineData("IJsbrand", null, "Eijkelenboom", "ijsbrand", "", "eijkelenboom", "ij")]
    [InlineData("Ĳsbrand", null, "Eĳkelenboom", "ijsbrand", "", "eijkelenboom", "ij")]
    [InlineData("Ysbrand", null, "Eykelenboom", "ysbrand", "", "eykelenboom", "y")]
    [InlineData("Jan", "'t", "Hart", "jan", "t", "hart", "j")]
    [InlineData("Jan", null, "'t Hart", "jan", "t", "hart", "j")]
    [InlineData("Jan", "in ’t", "Veld", "jan", "in t", "veld", "j")]
    [InlineData("Jan", null, "in 't Veld", "jan", "in t", "veld", "j")]
    [InlineData("Kees", "ter", "Horst", "kees", "ter", "horst", "k")]
    [InlineData("Kees", "uit den", "Bogaard", "kees", "uit den", "bogaard", "k")]
    [InlineData("Kees", "op de", "Beek", "kees", "op de", "beek", "k")]
    [InlineData("Pietro", null, "d'Ancona", "pietro", "d", "ancona", "p")]
    [InlineData("Anna", null, "de Vries-van Dijk", "anna", "de", "vries van dijk", "a")]
    [InlineData("Anna", null, "Jansen-de Boer", "anna", "", "jansen de boer", "a")]
    [InlineData("Jean-François", "", "Müller", "jean francois", "", "muller", "jf")]
    [InlineData("Maria", null, "dos Santos", "maria", "dos", "santos", "m")]
    [InlineData("Th. A.", null, "Jansen", "th a", "", "jansen", "ta")]
    [InlineData(null, null, "Jansen", "", "", "jansen", "")]
    [InlineData("  Jan  ", "  van  ", "  Dijk  ", "jan", "van", "dijk", "j")]
    [InlineData("Jan", "vanden", "Berg", "jan", "vanden", "berg", "j")]
    [InlineData("Jan", "van der", "van der Berg", "jan", "van der", "berg", "j")]
    [InlineData("Jan", "van", "Van Dijk", "jan", "van", "dijk", "j")]
    [InlineData("Jan", "de", "van Dijk", "jan", "de", "van dijk", "j")]
    [InlineData("Jan", null, "Van", "jan", "", "van", "j")]
    public void Parse_Fields_FoldsAndSplits(
        string? given, string? prefix, string? surname, string expectedGiven, string expectedPrefix, string expectedSurname, string expectedInitials)
    {
        PersonName name = PersonName.Parse(given, prefix, surname).Value;

        Assert.Equal(expectedGiven, name.GivenNames);
        Assert.Equal(expectedPrefix, name.SurnamePrefix);
        Assert.Equal(expectedSurname, name.Surname);
        Assert.Equal(expectedInitials, name.Initials);
        Assert.Equal(expectedInitials.Length == 0 ? '\0' : expectedInitials[0], name.FirstInitial);
    }

    [Theory]
    [InlineData("Jan-Willem van der Berg", "jan willem", "van der", "berg")]
    [InlineData("J.W. v.d. Berg", "j w", "van der", "berg")]
    [InlineData("Berg, J.W. van den", "j w", "van den", "berg")]
    [InlineData("Berg, van den", "", "van den", "berg")]
    [InlineData("van den Berg, Jan", "jan", "van den", "berg")]
    [InlineData("de Vries-van Dijk", "", "de", "vries van dijk")]
    [InlineData("Jan de Vries-van Dijk", "jan", "de", "vries van dijk")]
    [InlineData("Jan Jansen-de Boer", "jan", "", "jansen de boer")]
    [InlineData("Jan Jansen - de Boer", "jan", "", "jansen de boer")]
    [InlineData("Ben de Vries", "ben", "de", "vries")]
    [InlineData("Van der Berg", "", "van der", "berg")]
    [InlineData("V. de Boer", "v", "de", "boer")]
    [InlineData("Ömer Çelik", "omer", "", "celik")]
    [InlineData("Jan Peter Balkenende", "jan peter", "", "balkenende")]
    [InlineData("Berg", "", "", "berg")]
    [InlineData("JAN VAN DER BERG", "jan", "van der", "berg")]
    [InlineData("J.W. V.D. BERG", "j w", "van der", "berg")]
    [InlineData("Maria dos Santos", "maria", "dos", "santos")]
    [InlineData("Pietro d'Ancona", "pietro", "d", "ancona")]
    [InlineData("Johanna in 't Veld", "johanna", "in t", "veld")]
    [InlineData("Jan van 't Hek", "jan", "van t", "hek")]
    public void ParseFull_CommonLayouts_SplitsParts(string full, string expectedGiven, string expectedPrefix, string expectedSurname)
    {
        PersonName name = PersonName.ParseFull(full).Value;

        Assert.Equal(expectedGiven, name.GivenNames);
        Assert.Equal(expectedPrefix, name.SurnamePrefix);
        Assert.Equal(expectedSurname, name.Surname);
    }

    [Theory]
    [InlineData("Jan", null, null, IdentifierError.MissingSurname)]
    [InlineData("Jan", "van", "   ", IdentifierError.MissingSurname)]
    [InlineData("Jan", null, "---", IdentifierError.MissingSurname)]
    [InlineData("Jan", null, "B3rg", IdentifierError.InvalidCharacters)]
    [InlineData("Jan\U0001F600", null, "Berg", IdentifierError.InvalidCharacters)]
    [InlineData("Jan", null, "Berg\u0000", IdentifierError.InvalidCharacters)]
    [InlineData("Jan", "v@n", "Berg", IdentifierError.InvalidCharacters)]
    [InlineData("Jan", null, "Berg\uD800", IdentifierError.InvalidCharacters)]
    public void Parse_InvalidFields_ReturnsPreciseError(string? given, string? prefix, string? surname, IdentifierError expected)
    {
        Assert.Equal(expected, PersonName.Parse(given, prefix, surname).Error);
    }

    [Theory]
    [InlineData(null, IdentifierError.MissingSurname)]
    [InlineData("  ", IdentifierError.MissingSurname)]
    [InlineData("Jan 2e Berg", IdentifierError.InvalidCharacters)]
    public void ParseFull_Invalid_ReturnsPreciseError(string? full, IdentifierError expected)
    {
        Assert.Equal(expected, PersonName.ParseFull(full).Error);
    }

    [Fact]
    public void Parse_TooLongPart_ReturnsTooLong()
    {
        Assert.Equal(IdentifierError.TooLong, PersonName.Parse("Jan", null, new string('a', PersonName.MaxPartLength + 1)).Error);
        Assert.Equal(IdentifierError.TooLong, PersonName.ParseFull(new string('a', 100_000)).Error);
    }

    [Fact]
    public void Parse_RightToLeftMarks_AreIgnored()
    {
        PersonName name = PersonName.Parse("\u200FJan", null, "Berg\u200E").Value;

        Assert.Equal("jan", name.GivenNames);
        Assert.Equal("berg", name.Surname);
    }

    [Fact]
    public void Parse_PrefixInSurnameOrInPrefixField_AreEqual()
    {
        PersonName fields = PersonName.Parse("Jan", "van der", "Berg").Value;

        Assert.Equal(fields, PersonName.Parse("Jan", null, "Van der Berg").Value);
        Assert.Equal(fields, PersonName.Parse("Jan", "V.D.", "Berg").Value);
        Assert.Equal(fields, PersonName.ParseFull("Jan v.d. Berg").Value);
        Assert.Equal(fields, PersonName.ParseFull("Berg, Jan van der").Value);
        Assert.Equal(fields.GetHashCode(), PersonName.ParseFull("JAN VAN DER BERG").Value.GetHashCode());
        Assert.NotEqual(fields, PersonName.Parse("Jan", "van den", "Berg").Value);
    }

    [Fact]
    public void Parse_AbbreviatedPrefix_IsFlaggedAndRawKept()
    {
        PersonName name = PersonName.Parse(" J.W. ", "v.d.", "Berg").Value;

        Assert.True(name.IsSurnamePrefixAbbreviated);
        Assert.Equal("J.W.", name.RawGivenNames);
        Assert.Equal("v.d.", name.RawSurnamePrefix);
        Assert.Equal("Berg", name.RawSurname);
        Assert.Equal("van der berg", name.FullSurname);
        Assert.False(PersonName.Parse("Jan", "van der", "Berg").Value.IsSurnamePrefixAbbreviated);
    }

    [Fact]
    public void Parse_Normalised_IsIdempotent()
    {
        PersonName first = PersonName.Parse("Jean-François", "v.d.", "Müller-Lüdenscheidt").Value;

        PersonName second = PersonName.Parse(first.GivenNames, first.SurnamePrefix, first.Surname).Value;

        Assert.Equal(first, second);
        Assert.Equal(first.Normalised, second.Normalised);
    }

    [Fact]
    public void ToString_Name_HidesEveryPart()
    {
        PersonName name = PersonName.Parse("Jan", "van", "Dijk").Value;

        Assert.Equal("PersonName(***)", name.ToString());
    }
}
