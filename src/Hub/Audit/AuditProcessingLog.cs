using System.Buffers;
using System.Diagnostics;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Processing;

namespace SharingHub.Hub.Audit;

/// <summary>
/// The hub's <see cref="IProcessingLog"/> (the hook the hub's code calls) backed by the audit log: each
/// <see cref="ProcessingRecord"/> becomes one <see cref="AuditRecord"/>, and the call returns once it is durable.
/// A field that is not a well-formed id is dropped (never stored as free text) and named in the reasons.
/// </summary>
internal sealed class AuditProcessingLog(AuditLog log) : IProcessingLog
{
    public async ValueTask RecordAsync(ProcessingRecord record, CancellationToken cancellationToken) =>
        await log.AppendAsync(Map(record), cancellationToken).ConfigureAwait(false);

    public async ValueTask RecordBatchAsync(IReadOnlyList<ProcessingRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await log.AppendAsync(MapAll(records), cancellationToken).ConfigureAwait(false);
    }

    internal static AuditRecord Map(ProcessingRecord record) => new Mapper().Map(record);

    /// <summary>Each record as <see cref="Map"/> maps it.</summary>
    internal static AuditRecord[] MapAll(IReadOnlyList<ProcessingRecord> records)
    {
        var mapper = new Mapper();
        var mapped = new AuditRecord[records.Count];
        for (var i = 0; i < mapped.Length; i++)
        {
            mapped[i] = mapper.Map(records[i]);
        }

        return mapped;
    }

    /// <summary>
    /// Maps the records of one call. The records of a batch repeat most values (one request's trace, caller and convenant;
    /// three steps per signal about one subject), so each derived value is kept for the next record while its inputs repeat.
    /// </summary>
    private sealed class Mapper
    {
        private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

        private Memo _subjectText;
        private AuditSubject _subject;
        private bool _subjectParsed;
        private Memo _trace;
        private ActivityTraceId? _traceId;
        private Memo _span;
        private ActivitySpanId? _spanId;
        private Memo _decision;
        private Memo _error;
        private Memo _resource;
        private Memo _version;
        private Memo _activity;
        private Memo _actor;
        private List<string>? _dropped;

        public AuditRecord Map(ProcessingRecord record)
        {
            ArgumentNullException.ThrowIfNull(record);
            _dropped = null;

            // Evaluated in this order so that the dropped fields are named in it.
            var subject = AuditSubject.None;
            if (record.SubjectPseudonym is not null)
            {
                if (!_subjectText.Repeats(record.SubjectPseudonym))
                {
                    _subjectParsed = AuditSubject.TryParse(record.SubjectPseudonym, out _subject);
                }

                if (_subjectParsed)
                {
                    subject = _subject;
                }
                else
                {
                    Drop("subject");
                }
            }

            var convenant = Id(record.ConvenantId, "convenant");
            var operation = Id(record.Operation, "operation") ?? "unknown-operation";
            var decision = Id(_decision.Get(record.Decision, static d => "decision:" + d), "decision");
            var error = Id(_error.Get(record.ErrorCode, static e => "error:" + e), "error");
            var resource = Id(_resource.Get(record.ResourceId, static r => "resource:" + r), "resource");
            var clauses = Ids(record.DecisionReasons, "reason");
            var categories = Ids(record.Categories, "category");
            var actor = Id(_actor.Get(record.ActorType, record.Actor, static (type, actor) => type + ":" + actor), "actor") ?? "unknown-actor";
            if (!_trace.Repeats(record.TraceId))
            {
                _traceId = IsLowerHex(record.TraceId, 32) ? ActivityTraceId.CreateFromString(record.TraceId) : null;
            }

            if (!_span.Repeats(record.SpanId))
            {
                _spanId = IsLowerHex(record.SpanId, 16) ? ActivitySpanId.CreateFromString(record.SpanId) : null;
            }

            return new AuditRecord
            {
                TraceId = _traceId ?? ActivityTraceId.CreateRandom(),
                SpanId = _spanId ?? ActivitySpanId.CreateRandom(),
                Operation = operation,
                Status = Id(record.Status, "status") ?? AuditStatus.Error,
                StartTime = record.StartedAt,
                EndTime = record.EndedAt,
                ProcessingActivityId = convenant is null ? operation : _activity.Get(convenant, operation, static (c, o) => c + ":" + o),
                Subject = subject,
                ConvenantId = convenant,
                ConvenantVersion = Id(_version.Get(record.ConvenantVersionHash, static h => "sha256:" + h), "convenant-version"),
                Purpose = Id(record.Purpose, "purpose"),
                Partner = Id(record.PartnerId, "partner"),
                Role = Id(record.Role, "role"),
                Actor = actor,
                DataCategories = categories,
                DecisionReasons = Reasons(decision, error, clauses),
                ResourceId = resource,
            };
        }

        private string? Id(string? value, string field)
        {
            if (value is null || AuditId.IsValid(value))
            {
                return value;
            }

            Drop(field);
            return null;
        }

        // The given list itself when every value is an id (the record copies it); else the ids in it.
        private IReadOnlyList<string> Ids(IReadOnlyList<string> values, string field)
        {
            var valid = 0;
            while (valid < values.Count && AuditId.IsValid(values[valid]))
            {
                valid++;
            }

            if (valid == values.Count)
            {
                return values;
            }

            var ids = new List<string>(values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                if (Id(values[i], field) is { } id)
                {
                    ids.Add(id);
                }
            }

            return ids;
        }

        private void Drop(string field) => (_dropped ??= []).Add("dropped:" + field);

        // [decision, error, ..clauses, ..dropped fields]
        private IReadOnlyList<string> Reasons(string? decision, string? error, IReadOnlyList<string> clauses)
        {
            var count = (decision is null ? 0 : 1) + (error is null ? 0 : 1) + clauses.Count + (_dropped?.Count ?? 0);
            if (count == clauses.Count)
            {
                return clauses;
            }

            var reasons = new List<string>(count);
            if (decision is not null)
            {
                reasons.Add(decision);
            }

            if (error is not null)
            {
                reasons.Add(error);
            }

            for (var i = 0; i < clauses.Count; i++)
            {
                reasons.Add(clauses[i]);
            }

            if (_dropped is not null)
            {
                reasons.AddRange(_dropped);
            }

            return reasons;
        }

        private static bool IsLowerHex(string? hex, int length) =>
            hex is not null && hex.Length == length && !hex.AsSpan().ContainsAnyExcept(LowerHex) && hex.AsSpan().ContainsAnyExcept('0');
    }

    /// <summary>A string derived from one or two inputs, kept while the same inputs come again (compared by value).</summary>
    private struct Memo
    {
        private string? _first;
        private string? _second;
        private bool _has;
        private string? _value;

        /// <summary>True when <paramref name="input"/> equals the previous input; otherwise remembers it and returns false.</summary>
        public bool Repeats(string? input)
        {
            if (_has && string.Equals(_first, input, StringComparison.Ordinal))
            {
                return true;
            }

            (_first, _has) = (input, true);
            return false;
        }

        /// <summary>Null for a null input, else <paramref name="derive"/>(input), computed once per run of equal inputs.</summary>
        public string? Get(string? input, Func<string, string> derive)
        {
            if (input is null)
            {
                return null;
            }

            if (!Repeats(input))
            {
                _value = derive(input);
            }

            return _value;
        }

        public string Get(string? first, string? second, Func<string?, string?, string> derive)
        {
            if (!_has || !string.Equals(_first, first, StringComparison.Ordinal) || !string.Equals(_second, second, StringComparison.Ordinal))
            {
                (_first, _second, _has, _value) = (first, second, true, derive(first, second));
            }

            return _value!;
        }
    }
}
