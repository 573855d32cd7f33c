using System.Text.Json;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;

namespace SharingHub.Policies.Loading;

/// <summary>The outcome of loading a convenant: the compiled convenant, or the errors (never both).</summary>
public sealed record ConvenantLoadResult(CompiledConvenant? Convenant, IReadOnlyList<ConvenantError> Errors)
{
    public bool Success => Convenant is not null;
}

/// <summary>
/// Loads, validates and compiles a convenant. The host calls this at start-up and refuses to start when
/// <see cref="ConvenantLoadResult.Success"/> is false. Never throws on bad input.
/// </summary>
public static class ConvenantLoader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 32 };

    public static ConvenantLoadResult Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : "";
            return new ConvenantLoadResult(null, [new ConvenantError(PolicyCodes.InvalidJson, "$", null, "the file is not valid JSON" + where)]);
        }

        using (document)
        {
            var errors = new List<ConvenantError>();
            var parsed = ConvenantParser.Parse(document.RootElement, errors);
            if (parsed is null || errors.Count > 0)
            {
                return new ConvenantLoadResult(null, errors);
            }

            ReferenceChecker.Check(parsed, errors);
            return errors.Count > 0 ? new ConvenantLoadResult(null, errors) : new ConvenantLoadResult(new CompiledConvenant(parsed), errors);
        }
    }

    /// <summary>Reads and loads a file; a missing or unreadable file is an SH2001 error, not an exception.</summary>
    public static ConvenantLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new ConvenantLoadResult(null, [new ConvenantError(PolicyCodes.InvalidJson, "$", null, $"cannot read the convenant file ({ex.GetType().Name})")]);
        }

        return Load(json);
    }
}
