using System.Text.Json;
using System.Text.Json.Serialization;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Corpus;

/// <summary>The labelled corpus in scrubbing-corpus.json (fictional data; see generate_corpus.py).</summary>
internal sealed record ScrubbingCorpus(string Description, IReadOnlyList<CorpusDocument> Documents)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static ScrubbingCorpus Load()
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "Pseudonymisation.Tests", "Scrubbing", "Corpus", "scrubbing-corpus.json");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ScrubbingCorpus>(stream, JsonOptions) ?? throw new InvalidDataException("empty corpus");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SharingHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("SharingHub.sln not found above the test output directory");
    }
}

internal sealed record CorpusDocument(string Id, string Text, IReadOnlyList<CorpusSpan> Spans, IReadOnlyList<CorpusPerson>? KnownPersons)
{
    public IReadOnlyList<KnownPerson> ToKnownPersons() =>
        KnownPersons?.Select(p => new KnownPerson(p.GivenNames, p.SurnamePrefix, p.Surname, p.Pseudonym)).ToList() ?? [];
}

internal sealed record CorpusSpan(string Type, int Start, int End)
{
    [JsonIgnore]
    public ScrubEntityType EntityType => ScrubEntityTypes.TryParseLabel(Type, out var type) ? type : throw new InvalidDataException("unknown type label in corpus");
}

internal sealed record CorpusPerson(string? GivenNames, string? SurnamePrefix, string? Surname, string? Pseudonym);
