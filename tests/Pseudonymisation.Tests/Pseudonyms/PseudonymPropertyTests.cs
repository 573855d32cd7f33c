using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Pseudonymisation.Tests.Pseudonyms;

public sealed class PseudonymPropertyTests
{
    public static Arbitrary<Pseudonym> Pseudonyms() =>
        (from kind in Gen.Elements(Enum.GetValues<PseudonymKind>())
         from version in Gen.Choose(1, int.MaxValue)
         from bytes in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 32)
         select new Pseudonym(kind, version, bytes)).ToArbitrary();

    [Property(Arbitrary = [typeof(PseudonymPropertyTests)], MaxTest = 500)]
    public bool ToStringThenTryParse_AnyPseudonym_SameValue(Pseudonym pseudonym) =>
        Pseudonym.TryParse(pseudonym.ToString(), out var parsed, out var error)
        && error == PseudonymError.None
        && parsed == pseudonym
        && parsed.ToString() == pseudonym.ToString();

    [Property(MaxTest = 1000)]
    public bool TryParse_AnyString_NeverThrowsAndCanonical(string? text)
    {
        if (Pseudonym.TryParse(text, out var parsed))
        {
            return parsed.ToString() == text;
        }

        return parsed == default;
    }

    [Property(Arbitrary = [typeof(PseudonymPropertyTests)], MaxTest = 300)]
    public bool TryParse_OneCharacterChanged_RejectedOrDifferent(Pseudonym pseudonym, PositiveInt position, char replacement)
    {
        var text = pseudonym.ToString().ToCharArray();
        var index = position.Get % text.Length;
        if (text[index] == replacement)
        {
            return true;
        }

        text[index] = replacement;
        return !Pseudonym.TryParse(new string(text), out var parsed) || parsed != pseudonym;
    }
}
