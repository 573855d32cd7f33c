using System.Text;
using SharingHub.Pseudonymisation.Scrubbing.Operators;
using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// Replaces Dutch identifiers in free text (police and care notes) with typed tokens such as
/// <c>[PERSOON-3f9a]</c>, following Presidio's split: recognisers detect (type, span, score, evidence), overlaps
/// are resolved, then the operator configured for each type transforms. Thread-safe; never throws on any text.
/// </summary>
public sealed class Scrubber
{
    private readonly ScrubberOptions options;
    private readonly IEntityRecogniser[] recognisers;
    private readonly Dictionary<ScrubEntityType, IScrubOperator> operators;

    /// <summary>Creates a scrubber with the given options (key, threshold, operators).</summary>
    public Scrubber(ScrubberOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Copied and resolved once: a caller changing its dictionary later cannot make Scrub throw.
        operators = ScrubEntityTypes.All.ToDictionary(type => type, type => ScrubOperators.For(options.OperatorFor(type)));
        foreach (var kind in options.Operators.Values)
        {
            _ = ScrubOperators.For(kind);
        }

        this.options = options;
        recognisers =
        [
            new EmailRecogniser(),
            new IbanRecogniser(),
            new BsnRecogniser(),
            new PhoneRecogniser(),
            new KentekenRecogniser(),
            new AddressRecogniser(),
            new DateOfBirthRecogniser(),
            new KnownPersonRecogniser(),
            new ContextNameRecogniser(),
            new GivenNameRecogniser(),
        ];
    }

    /// <summary>Names of the recognisers, in the order they run.</summary>
    public IReadOnlyList<string> RecogniserNames => recognisers.Select(r => r.Name).Append(NamePropagation.RecogniserName).ToArray();

    /// <summary>
    /// Scrubs <paramref name="text"/>. <paramref name="knownPersons"/> are people the caller knows are mentioned
    /// (the subject, the melder); every spelling of one of them gets the same token, bound to its pseudonym if given.
    /// </summary>
    public ScrubResult Scrub(string text, IReadOnlyList<KnownPerson>? knownPersons = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var input = new ScrubInput(text, knownPersons ?? []);
        var detections = Detect(input);
        var ids = TokenIds.Assign(options.TokenKey, detections.Select(d => (d.Type, d.Key)), options.TokenHexLength);
        var findings = new List<ScrubFinding>(detections.Count);
        var output = new StringBuilder(text.Length);
        var position = 0;
        foreach (var detection in detections)
        {
            var token = operators[detection.Type].Replace(detection.Type, ids[(detection.Type, detection.Key)]);
            output.Append(text, position, detection.Start - position).Append(token);
            position = detection.End;
            findings.Add(new ScrubFinding(detection.Type, detection.Start, detection.Length, token, detection.Score, detection.Recogniser, detection.Evidence));
        }

        output.Append(text, position, text.Length - position);
        return new ScrubResult(output.ToString(), findings);
    }

    /// <summary>All accepted detections, sorted by start, not overlapping.</summary>
    internal List<Detection> Detect(ScrubInput input)
    {
        var raw = new List<Detection>();
        foreach (var recogniser in recognisers)
        {
            recogniser.Recognise(input, raw);
        }

        var accepted = OverlapResolver.Resolve(input.Text, raw.Where(d => d.Score >= options.MinimumScore && d.Length > 0));
        if (NamePropagation.Score >= options.MinimumScore)
        {
            var propagated = NamePropagation.Propagate(input, accepted);
            if (propagated.Count > 0)
            {
                accepted.AddRange(propagated);
                accepted.Sort((a, b) => a.Start.CompareTo(b.Start));
            }
        }

        return accepted;
    }
}
