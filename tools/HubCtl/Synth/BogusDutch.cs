using Bogus;
using Bogus.Bson;

namespace SharingHub.HubCtl.Synth;

/// <summary>
/// Word lists from Bogus's Dutch ("nl") locale, loaded once and cleaned: the locale data holds a few damaged entries
/// (mojibake such as "Ã\u0096mer" for "Ömer", "Ohé;"), which real registers would not contain and which the
/// identifier parsers rightly reject.
/// </summary>
internal static class BogusDutch
{
    public static readonly string[] Toponyms = Load("address", "city_prefix");

    public static readonly string[] CitySuffixes = Load("address", "city_suffix");

    public static readonly string[] StreetSuffixes = Load("address", "street_suffix");

    public static readonly string[] MaleFirstNames = Load("name", "male_first_name");

    public static readonly string[] FemaleFirstNames = Load("name", "female_first_name");

    public static string Toponym(Randomizer random) => random.ArrayElement(Toponyms);

    public static string StreetSuffix(Randomizer random) => random.ArrayElement(StreetSuffixes);

    public static string FirstName(Randomizer random, bool male) => random.ArrayElement(male ? MaleFirstNames : FemaleFirstNames);

    /// <summary>Letters, spaces, hyphens and apostrophes only; no control or replacement characters.</summary>
    public static bool IsClean(string value) =>
        value.Trim().Length > 0 && value.All(c => (char.IsLetter(c) && c is not ('\uFFFD' or (>= '\u0080' and <= '\u009F')) && c != 'Ã') || c is ' ' or '-' or '\'');

    private static string[] Load(string category, string path)
    {
        var array = (BArray)Database.Get(category, path, "nl", "en");
        var values = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var value = array[i].StringValue;
            if (IsClean(value) && !values.Contains(value))
            {
                values.Add(value);
            }
        }

        return values.ToArray();
    }
}
