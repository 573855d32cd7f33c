using System.Text.Json;
using SharingHub.Policies.Convenants;

namespace SharingHub.Policies.Loading;

/// <summary>Reads a convenant document strictly; structural errors only (references are checked afterwards).</summary>
internal static class ConvenantParser
{
    public static ConvenantDocument? Parse(JsonElement root, List<ConvenantError> errors)
    {
        var r = JsonObjectReader.Open(root, "convenant", "$", null, errors);
        if (r is null)
        {
            return null;
        }

        var id = r.Id("id");
        var version = r.String("version");
        var status = r.Enum("status", PolicyNames.Status);
        var title = r.String("title");
        var validFrom = r.Timestamp("validFrom");
        var validTo = r.Timestamp("validTo");
        var supersedes = r.IdList("supersedes", required: false);
        var signatories = r.ObjectList("signatories", "signatory", ReadSignatory, nonEmpty: true);
        var dpiaReader = r.Object("dpia", "dpia");
        var dpia = dpiaReader is null ? null : ReadDpia(dpiaReader);
        var parties = r.ObjectList("parties", "party", ReadParty, nonEmpty: true);
        var roles = r.ObjectList("roles", "role", ReadRole, nonEmpty: true);
        var levels = r.ObjectList("escalationLevels", "escalationLevel", ReadLevel, required: false);
        var purposes = r.ObjectList("purposes", "purpose", ReadPurpose, nonEmpty: true);
        var categories = r.ObjectList("categories", "category", ReadCategory, nonEmpty: true);
        var flows = r.ObjectList("flows", "flow", ReadFlow);
        var prohibitions = r.ObjectList("prohibitions", "prohibition", ReadProhibition, required: false);
        var approvalRules = r.ObjectList("approvalRules", "approvalRule", ReadApprovalRule, required: false);
        var retention = r.ObjectList("retention", "retentionRule", ReadRetention);

        if (validFrom is { } from && validTo is { } to && to <= from)
        {
            r.Add(PolicyCodes.InvalidPeriod, r.Child("validTo"), "validTo must be after validFrom");
        }

        if (dpia is not null && dpia.ReviewDate < dpia.Date)
        {
            errors.Add(new ConvenantError(PolicyCodes.InvalidPeriod, dpia.Path + ".reviewDate", dpia.ClauseId, "the DPIA review date must not precede the DPIA date"));
        }

        if (id is null || r.ClauseId is null || version is null || status is null || title is null || validFrom is null || validTo is null || dpia is null)
        {
            return null;
        }

        return new ConvenantDocument
        {
            Id = id,
            ClauseId = r.ClauseId,
            Version = version,
            Status = status.Value,
            Title = title,
            ValidFrom = validFrom.Value,
            ValidTo = validTo.Value,
            Supersedes = supersedes,
            Signatories = signatories,
            Dpia = dpia,
            Parties = parties,
            Roles = roles,
            EscalationLevels = levels,
            Purposes = purposes,
            Categories = categories,
            Flows = flows,
            Prohibitions = prohibitions,
            ApprovalRules = approvalRules,
            Retention = retention,
        };
    }

    private static Signatory? ReadSignatory(JsonObjectReader r)
    {
        var party = r.Id("party");
        var signedBy = r.String("signedBy");
        var signedOn = r.Date("signedOn");
        return party is null || signedBy is null || signedOn is null ? null : new Signatory(party, signedBy, signedOn.Value, r.Path);
    }

    private static Dpia? ReadDpia(JsonObjectReader r)
    {
        var reference = r.String("reference");
        var date = r.Date("date");
        var review = r.Date("reviewDate");
        var covered = r.IdList("coveredCategories", nonEmpty: true);
        return r.ClauseId is null || reference is null || date is null || review is null || !HasOwnClause(r)
            ? null
            : new Dpia(r.ClauseId, reference, date.Value, review.Value, covered, r.Path);
    }

    private static Party? ReadParty(JsonObjectReader r)
    {
        var id = r.Id("id");
        var name = r.String("name");
        var type = r.Enum("type", PolicyNames.PartyType);
        var regime = r.Enum("legalRegime", PolicyNames.Regime);
        var bring = r.Bool("mayBringInCases");
        return !HasOwnClause(r) || id is null || name is null || type is null || regime is null || bring is null
            ? null
            : new Party(r.ClauseId!, id, name, type.Value, regime.Value, bring.Value, r.Path);
    }

    private static Role? ReadRole(JsonObjectReader r)
    {
        var id = r.Id("id");
        var name = r.String("name");
        var parties = r.IdList("parties", nonEmpty: true);
        return !HasOwnClause(r) || id is null || name is null ? null : new Role(r.ClauseId!, id, name, parties, r.Path);
    }

    private static EscalationLevel? ReadLevel(JsonObjectReader r)
    {
        var id = r.Id("id");
        var rank = r.Int("rank", 0, 100);
        var name = r.String("name");
        return !HasOwnClause(r) || id is null || rank is null || name is null ? null : new EscalationLevel(r.ClauseId!, id, rank.Value, name, r.Path);
    }

    private static Purpose? ReadPurpose(JsonObjectReader r)
    {
        var id = r.Id("id");
        var name = r.String("name");
        var parent = r.Id("parent", required: false);
        var disposition = r.Enum("disposition", PolicyNames.Disposition);
        var groundReader = r.Object("legalGround", "legalGround", required: false);
        LegalGround? ground = null;
        if (groundReader is not null)
        {
            var article6 = groundReader.String("article6");
            if (article6 is not null && !PolicyNames.Article6Bases.Contains(article6))
            {
                groundReader.Add(PolicyCodes.InvalidValue, groundReader.Child("article6"), "article6 must be one of 6(1)(a) .. 6(1)(f)");
                article6 = null;
            }

            var national = groundReader.String("nationalBasis");
            var art9 = groundReader.String("article9Exception", required: false);
            var art10 = groundReader.String("article10Basis", required: false);
            var bsn = groundReader.String("bsnBasis", required: false);
            var wpg = groundReader.String("wpgBasis", required: false);
            if (article6 is not null && national is not null)
            {
                ground = new LegalGround(article6, national, art9, art10, bsn, wpg);
            }
        }

        return !HasOwnClause(r) || id is null || name is null || disposition is null
            ? null
            : new Purpose(r.ClauseId!, id, name, parent, disposition.Value, ground, r.Path);
    }

    private static DataCategory? ReadCategory(JsonObjectReader r)
    {
        var id = r.Id("id");
        var name = r.String("name");
        var sensitivity = r.Enum("sensitivity", PolicyNames.Sensitivity);
        var fields = r.IdList("fields", nonEmpty: true);
        return !HasOwnClause(r) || id is null || name is null || sensitivity is null
            ? null
            : new DataCategory(r.ClauseId!, id, name, sensitivity.Value, fields, r.Path);
    }

    private static FlowEndpoint? ReadEndpoint(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        var parties = r.IdList("parties", nonEmpty: true);
        var roles = r.IdList("roles", nonEmpty: true);
        return new FlowEndpoint(parties, roles);
    }

    private static Flow? ReadFlow(JsonObjectReader r)
    {
        var description = r.String("description");
        var from = ReadEndpoint(r.Object("from", "endpoint"));
        var to = ReadEndpoint(r.Object("to", "endpoint"));
        var actions = r.EnumList("actions", PolicyNames.Action, nonEmpty: true);
        var purposes = r.IdList("purposes", nonEmpty: true);
        var categories = r.IdList("categories", nonEmpty: true);
        var subjectTypes = r.EnumList("subjectTypes", PolicyNames.SubjectType, nonEmpty: true);
        var phases = r.EnumList("phases", PolicyNames.Phase, required: false);
        var levels = r.IdList("escalationLevels", required: false);
        var modes = r.EnumList("modes", PolicyNames.Mode, nonEmpty: true);
        var fields = r.IdList("fields");
        var approvals = r.EnumList("approvals", PolicyNames.Gate, required: false);
        var obligations = r.ObjectList("obligations", "obligation", ReadObligation, required: false);
        if (!HasOwnClause(r) || description is null || from is null || to is null)
        {
            return null;
        }

        return new Flow
        {
            ClauseId = r.ClauseId!,
            Description = description,
            From = from,
            To = to,
            Actions = actions,
            Purposes = purposes,
            Categories = categories,
            SubjectTypes = subjectTypes,
            Phases = phases,
            EscalationLevels = levels,
            Modes = modes,
            Fields = fields,
            Approvals = approvals.Aggregate(ApprovalGates.None, (all, gate) => all | gate),
            Obligations = obligations,
            Path = r.Path,
        };
    }

    private static ObligationSpec? ReadObligation(JsonObjectReader r)
    {
        var kind = r.Enum("type", PolicyNames.Obligation);
        var retention = r.String("retention", required: kind == ObligationKind.RetainUntil);
        var fields = r.IdList("fields", required: kind == ObligationKind.MaskFields, nonEmpty: kind == ObligationKind.MaskFields);
        var notify = r.Id("notifyRole", required: kind == ObligationKind.Notify);
        var note = r.String("note", required: false);
        return kind is null ? null : new ObligationSpec(kind.Value, retention, fields, notify, note, r.Path);
    }

    private static Prohibition? ReadProhibition(JsonObjectReader r)
    {
        var description = r.String("description");
        var parties = r.IdList("parties", required: false);
        var roles = r.IdList("roles", required: false);
        var actions = r.EnumList("actions", PolicyNames.Action, required: false);
        var purposes = r.IdList("purposes", required: false);
        var categories = r.IdList("categories", required: false);
        var modes = r.EnumList("modes", PolicyNames.Mode, required: false);
        var subjectTypes = r.EnumList("subjectTypes", PolicyNames.SubjectType, required: false);
        if (!HasOwnClause(r) || description is null)
        {
            return null;
        }

        return new Prohibition
        {
            ClauseId = r.ClauseId!,
            Description = description,
            Parties = parties,
            Roles = roles,
            Actions = actions,
            Purposes = purposes,
            Categories = categories,
            Modes = modes,
            SubjectTypes = subjectTypes,
            Path = r.Path,
        };
    }

    private static ApprovalRule? ReadApprovalRule(JsonObjectReader r)
    {
        var gate = r.Enum("gate", PolicyNames.Gate);
        var triggers = r.EnumList("triggers", PolicyNames.Trigger, nonEmpty: true);
        var actions = r.EnumList("actions", PolicyNames.Action, required: false);
        var modes = r.EnumList("modes", PolicyNames.Mode, required: false);
        var description = r.String("description");
        var quorumReader = r.Object("quorum", "quorum", required: gate is not null && gate != ApprovalGates.None);
        Quorum? quorum = null;
        if (quorumReader is not null)
        {
            var reviewers = quorumReader.Int("reviewers", 1, 20);
            var roles = quorumReader.IdList("reviewerRoles", required: false);
            var otherParty = quorumReader.Bool("reviewerFromOtherParty", required: false) ?? false;
            var wait = quorumReader.Int("maxWaitDays", 0, 365, required: false) ?? 0;
            if (reviewers is not null)
            {
                quorum = new Quorum(reviewers.Value, roles, otherParty, wait);
            }
        }
        else if (gate == ApprovalGates.None)
        {
            quorum = new Quorum(0, [], false, 0);
        }

        return !HasOwnClause(r) || gate is null || quorum is null || description is null
            ? null
            : new ApprovalRule(r.ClauseId!, gate.Value, triggers.Aggregate(ApprovalTriggers.None, (all, t) => all | t), actions, modes, quorum, description, r.Path);
    }

    private static RetentionRule? ReadRetention(JsonObjectReader r)
    {
        var categories = r.IdList("categories", nonEmpty: true);
        var phases = r.EnumList("phases", PolicyNames.Phase, required: false);
        var periodText = r.String("period");
        var from = r.Enum("countsFrom", PolicyNames.RetentionStart);
        var end = r.Enum("endAction", PolicyNames.EndAction);
        IsoDuration period = default;
        if (periodText is not null && (!IsoDuration.TryParse(periodText, out period) || period.IsZero))
        {
            r.Add(PolicyCodes.InvalidDuration, r.Child("period"), "period must be a non-zero ISO 8601 duration such as P2Y or P6M");
            periodText = null;
        }

        return !HasOwnClause(r) || periodText is null || from is null || end is null
            ? null
            : new RetentionRule(r.ClauseId!, categories, phases, period, periodText, from.Value, end.Value, r.Path);
    }

    /// <summary>True when the object carries its own valid clause id (the reader reports it when missing).</summary>
    private static bool HasOwnClause(JsonObjectReader r)
        => r.ClauseId is not null && r.Errors.TrueForAll(e => e.Path != r.Child("clauseId"));
}
