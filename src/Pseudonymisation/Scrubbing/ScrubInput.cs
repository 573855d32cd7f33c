namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>The text as recognisers see it: the original and a one-to-one folded copy (same offsets).</summary>
internal sealed class ScrubInput(string text, IReadOnlyList<KnownPerson> knownPersons)
{
    public string Text { get; } = text;

    public string Folded { get; } = TextFolding.Fold(text);

    public IReadOnlyList<KnownPerson> KnownPersons { get; } = knownPersons;

    public override string ToString() => $"ScrubInput {{ Length = {Text.Length}, KnownPersons = {KnownPersons.Count} }}";
}
