using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Api;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Operations.RequestLimits;
using SharingHub.Hub.Processing;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Documents;

/// <summary>
/// <c>POST /api/v1/convenants/{convenant}/signals/{signalId}/documents</c>: multipart with one <c>file</c> part,
/// text/plain (UTF-8) or application/pdf (checked on "%PDF-"), at most <see cref="MaxBodyBytes"/>. Only the partner that
/// submitted the signal may attach. The original is stored only encrypted (<see cref="DocumentCipher"/>); plain text
/// is also stored scrubbed (with the subject's name, and a group signal's members' names, as known persons, then their other known
/// identifiers and the group's reference redacted literally) for sharing. A PDF's text layer is extracted with
/// <see cref="PdfText"/> (bounded against hostile files) and scrubbed the same way; a PDF without readable text (a scan,
/// a password, beyond the limits, broken) is stored encrypted only, not shareable, and the response says why (SH3070–SH3073).
/// </summary>
internal sealed class SignalDocumentsEndpoints : IHubEndpoints
{
    public const long MaxBodyBytes = 10 * 1024 * 1024;
    public const string TextPlain = "text/plain";
    public const string Pdf = "application/pdf";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiV1()
            .MapGroup("/convenants/{convenant}")
            .RequireAuthorization(HubPolicies.Scope(HubScopes.Signals))
            .RequireConvenantRole()
            .WithTags("Documents")
            .MapPost("/signals/{signalId:guid}/documents", AttachAsync)
            .WithName("AttachDocument")
            .WithSummary("Attach a text or PDF document to a signal the caller's partner submitted; 201 with the document id.")
            .DisableAntiforgery()
            .WithRequestBodyLimit(MaxBodyBytes);
    }

    private static async Task<IResult> AttachAsync(
        HttpContext http, Guid signalId, ConvenantAccess access, HubConvenants convenants, HubDbContext db, IDocumentStore store,
        DocumentCipher cipher, IdentityVault vault, Scrubber scrubber, IProcessingLog log, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        if (convenants.VersionHash(access.Convenant) is null)
        {
            return HubProblems.Result(StatusCodes.Status404NotFound, SignalErrorCodes.UnknownConvenant, "This hub does not run under that convenant.");
        }

        if (!http.Request.HasFormContentType || !MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var media) ||
            !string.Equals(media.MediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return HubProblems.Result(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "Send multipart/form-data with one file part.");
        }

        var signal = await db.Signals.AsNoTracking()
            .Where(s => s.Id == signalId && s.ConvenantId == access.Convenant && s.PartnerId == access.Caller.PartnerId)
            .Select(s => new { s.SubjectId, s.Identity }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (signal is null)
        {
            return HubProblems.Result(StatusCodes.Status404NotFound, SignalErrorCodes.SignalNotFound, "No such signal of your partner under this convenant.");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return Problem(StatusCodes.Status400BadRequest, SignalErrorCodes.DocumentMissing, "The multipart body could not be read.");
        }

        if (form.Files.Count != 1 || form.Files[0] is not { Name: "file", Length: > 0 } file)
        {
            return Problem(StatusCodes.Status400BadRequest, SignalErrorCodes.DocumentMissing, "Send exactly one non-empty part named file.");
        }

        var bytes = new byte[file.Length];
        var stream = file.OpenReadStream();
        await using (stream.ConfigureAwait(false))
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        var contentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var fileMedia) ? fileMedia.MediaType?.ToLowerInvariant() : null;
        string? text = null;
        string? textCode = null;
        switch (contentType)
        {
            case Pdf when bytes.AsSpan().StartsWith("%PDF-"u8):
                var pdf = PdfText.Extract(bytes, time: time);
                text = pdf.IsSuccess ? pdf.Text : null;
                textCode = pdf.Code;
                break;
            case TextPlain:
                try
                {
                    text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    return Problem(StatusCodes.Status400BadRequest, SignalErrorCodes.DocumentEncoding, "A text/plain document must be UTF-8.");
                }

                break;
            default:
                return Problem(StatusCodes.Status415UnsupportedMediaType, SignalErrorCodes.DocumentType, "Only text/plain and application/pdf (starting with %PDF-) are accepted.");
        }

        var documentId = Guid.CreateVersion7(started);
        var (sealedOriginal, wrappedKey) = cipher.Seal(documentId, bytes);
        var originalName = DocumentName.Parse($"documents/{documentId:N}/original");
        DocumentName? scrubbedName = null;
        using (var original = new MemoryStream(sealedOriginal, writable: false))
        {
            await store.PutAsync(originalName, original, "application/octet-stream", cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (text is not null)
            {
                // The subject's identity, and for a group signal every member's: their names are known persons for the
                // scrubber, their identifiers (and the group's own reference) are redacted literally.
                var identities = new List<IdentityRecord>
                {
                    await vault.OpenAsync(Subject.VaultIdOf(signal.SubjectId), signal.Identity, cancellationToken).ConfigureAwait(false),
                };
                var members = await db.SignalMembers.AsNoTracking().Where(m => m.SignalId == signalId).OrderBy(m => m.Position)
                    .Select(m => new { m.SubjectId, m.Identity }).ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var member in members)
                {
                    identities.Add(await vault.OpenAsync(Subject.VaultIdOf(member.SubjectId), member.Identity, cancellationToken).ConfigureAwait(false));
                }

                var known = identities.SelectMany(KnownPersonOf).ToList();
                var redacted = scrubber.Scrub(text, known.Count == 0 ? null : known).Text;
                foreach (var identity in identities)
                {
                    redacted = KnownIdentifiers.Redact(redacted, identity);
                }

                var scrubbed = Encoding.UTF8.GetBytes(redacted);
                scrubbedName = DocumentName.Parse($"documents/{documentId:N}/scrubbed");
                using var content = new MemoryStream(scrubbed, writable: false);
                await store.PutAsync(scrubbedName.Value, content, "text/plain; charset=utf-8", cancellationToken).ConfigureAwait(false);
            }

            db.SignalDocuments.Add(new SignalDocument
            {
                Id = documentId,
                SignalId = signalId,
                PartnerId = access.Caller.PartnerId,
                ContentType = contentType!,
                Length = bytes.LongLength,
                OriginalName = originalName.Value,
                ScrubbedName = scrubbedName?.Value,
                Shareable = text is not null,
                WrappedKey = wrappedKey,
                CreatedAt = started,
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DeleteAsync(originalName, CancellationToken.None).ConfigureAwait(false);
            if (scrubbedName is { } name)
            {
                await store.DeleteAsync(name, CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }

        var current = Activity.Current;
        await log.RecordAsync(new ProcessingRecord(
            current?.TraceId.ToHexString() ?? string.Empty, current?.SpanId.ToHexString() ?? string.Empty,
            ProcessingOperations.DocumentAttached, ProcessingStatuses.Succeeded, started, time.GetUtcNow(),
            access.Convenant, convenants.VersionHash(access.Convenant), null, access.Caller.PartnerId, null, access.Caller.Subject,
            access.Caller.IsPerson ? "person" : "system", [], null, null, null, textCode is null ? [] : ["text:" + textCode], documentId.ToString("D"), null),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/convenants/{access.Convenant}/signals/{signalId:D}/documents/{documentId:D}",
            new DocumentCreated(documentId, text is not null, textCode));
    }

    private static IEnumerable<KnownPerson> KnownPersonOf(IdentityRecord identity) =>
        identity[IdentityFieldNames.Surname] is null && identity[IdentityFieldNames.GivenNames] is null ? [] :
            [new KnownPerson(identity[IdentityFieldNames.GivenNames]?.Raw, identity[IdentityFieldNames.SurnamePrefix]?.Raw, identity[IdentityFieldNames.Surname]?.Raw)];

    private static ProblemHttpResult Problem(int status, string code, string detail) => HubProblems.Result(status, code, detail);
}

/// <summary>
/// 201 body of a document upload. <see cref="Shareable"/> is true when a scrubbed text copy was stored; otherwise
/// <see cref="TextCode"/> says why a PDF has none (SH3070 unreadable, SH3071 password, SH3072 beyond limits, SH3073 no text layer).
/// </summary>
public sealed record DocumentCreated(Guid DocumentId, bool Shareable, string? TextCode = null);
