namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>
/// Detection only (the Presidio "recogniser"): adds spans with type, score and evidence to <paramref name="results"/>.
/// Never transforms text and never throws on any input text.
/// </summary>
internal interface IEntityRecogniser
{
    string Name { get; }

    void Recognise(ScrubInput input, List<Detection> results);
}
