namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// A gazetteer of common given names in the Netherlands (Dutch, Frisian, Moroccan, Turkish, Surinamese,
/// Antillean, Polish and international names frequent in registers), folded. Names that are also common Dutch
/// words at the start of a sentence ("Ben", "Mark", "Roos", "Job", "Lot", "Wil", "Max", "Frans") are left out on purpose.
/// </summary>
internal static class GivenNames
{
    public static readonly HashSet<string> All = new(
        """
        aaron abdel abdelkader abdellah abdullah adam adnan adriaan adrianus ahmed aicha aisha ali alexander alex amber
        amina amir amy anas andre andrea angela anja anke anna anne annemarie anneke annie anouk anton antonius arjen arie
        arnold arthur astrid ayoub aysel ayse bart bastiaan bayram bernard bert bianca bilal bram brian bas-jan burak carla
        carolien casper cees charlotte chantal chris christiaan cindy claudia cor corrie daan damian daniel danny david
        dennis desiree dewi dick dirk djamila dominique dylan eddy edwin elif elise elisabeth ella ellen els emin emine emma
        emre erik esra esther eva evelien fatima fatma femke fenna finn fleur floor frank freek fred gerard gerrit
        gert gijs guus hamid hamza hanna hannah hans hasan hassan hatice hendrik henk henny hidde hilde hugo hussein ibrahim
        ilse inge ingrid iris isa ismail ivo jaap jacob jacqueline jamal jan jannes jasmijn jasper jayden jelle jeroen jesse
        jessica joost jop jordy joris jos josephine joyce julia julian justin kaan karim karima karin kees kemal kevin khadija
        kim klaas koen kubra laura leon lieke linda lisa lotte lucas luuk maarten maaike manon marco marcel margriet maria
        marieke marije marijke marinus mario mark-jan marleen marloes martijn martin maryam mathijs matthijs mehmet
        melissa merel michael michel milan mirjam mohamed mohammed monique mustafa myrthe nadia naima naomi nathalie nicole
        niels nienke nina noah noor nora nouri omar oscar patrick paul peter petra pieter quinten rachid ralph ramon rachida
        redouan remco rianne richard rick rik rob robert robin roel rutger ruud said samira sandra sanne sara sarah saskia
        sebastiaan selin sem senna sevda siham simone sophie stefan stephanie sven tamara thijs thomas tijn tim tom tommy
        truus twan vera wessel willem wim wouter yasmina yasmine yassin youssef yusuf yvonne zeynep zoe
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>True for a known given name; hyphenated names count when every part is known ("Jan-Willem").</summary>
    public static bool Contains(string folded) =>
        All.Contains(folded) || (folded.Contains('-', StringComparison.Ordinal) && folded.Split('-').All(All.Contains));
}
