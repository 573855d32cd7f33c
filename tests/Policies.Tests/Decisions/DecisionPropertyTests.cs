using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Policies.Tests.Decisions;

public sealed class DecisionPropertyTests
{
    private static readonly ConvenantCatalog Catalog =
        ConvenantCatalog.Create(ShippedConvenants.Ids.Select(ShippedConvenants.Get), TimeProvider.System);

    private static readonly Gen<DateTimeOffset> ValidTime = Gen.Choose(0, 300).Select(d => ShippedConvenants.Now.AddDays(d));

    [Property(MaxTest = 1000)]
    public Property Decide_PartyOutsideConvenant_IsNeverPermitted()
    {
        var gen = QueryGenerator.AnyConvenant(id =>
        {
            var inside = ShippedConvenants.Get(id).Document.Parties.Select(p => p.Id).ToHashSet();
            var outside = ShippedConvenants.Ids.SelectMany(o => ShippedConvenants.Get(o).Document.Parties.Select(p => p.Id))
                .Concat(["onbekend", "kmar-2", "gemeente "])
                .Where(p => !inside.Contains(p)).Distinct().ToArray();
            return QueryGenerator.For(id, Gen.Elements(outside), ValidTime);
        });

        return Prop.ForAll(gen.ToArbitrary(), q =>
        {
            var decision = Catalog.Decide(q);
            return decision.IsDeny && decision.Reasons[0].Code == PolicyCodes.PartyNotInConvenant;
        });
    }

    [Property(MaxTest = 3000)]
    public Property Decide_RequestMatchingAProhibition_IsAlwaysDenied()
    {
        var gen = QueryGenerator.AnyConvenant(id => QueryGenerator.For(id, at: ValidTime));

        return Prop.ForAll(gen.ToArbitrary(), q =>
        {
            var doc = ShippedConvenants.Get(q.Convenant).Document;
            var prohibited = doc.Prohibitions.Any(p => Matches(doc, p, q)) || RelatedToProhibitedPurpose(doc, q.Purpose);
            return !prohibited || Catalog.Decide(q).IsDeny;
        });
    }

    [Property(MaxTest = 1000)]
    public Property Decide_OutsideValidityPeriod_PermitsNothing()
    {
        var gen = QueryGenerator.AnyConvenant(id =>
        {
            var doc = ShippedConvenants.Get(id).Document;
            var outside = Gen.OneOf(
                Gen.Choose(0, 4000).Select(s => doc.ValidTo.AddHours(s)),
                Gen.Choose(1, 4000).Select(s => doc.ValidFrom.AddHours(-s)));
            return QueryGenerator.For(id, at: outside);
        });

        return Prop.ForAll(gen.ToArbitrary(), q => Catalog.Decide(q).IsDeny);
    }

    [Property(MaxTest = 2000)]
    public Property Decide_ReporterIdentityInIdentifiedMode_IsNeverPermitted()
    {
        var gen = QueryGenerator.AnyConvenant(id => QueryGenerator.For(id, at: ValidTime).Select(q =>
        {
            var melder = ShippedConvenants.Get(id).Document.Categories.Single(c => c.Sensitivity == Sensitivity.ReporterIdentity).Id;
            return q with
            {
                Mode = "identified",
                Categories = [.. q.Categories.Append(melder).Distinct()],
                Approved = ["four-eyes", "privacy-officer", "moreel-beraad", "steering-group"],
            };
        }));

        return Prop.ForAll(gen.ToArbitrary(), q => Catalog.Decide(q).IsDeny);
    }

    [Property(MaxTest = 2000)]
    public Property Decide_AnyRequest_CitesAClauseOfItsConvenantInEveryReason()
    {
        var gen = QueryGenerator.AnyConvenant(id => QueryGenerator.For(id));

        return Prop.ForAll(gen.ToArbitrary(), q =>
        {
            var decision = Catalog.Decide(q);
            var prefix = q.Convenant.ToUpperInvariant() + "-";
            return decision.Reasons.Length > 0
                && decision.Reasons.All(r => r.ClauseId.StartsWith(prefix, StringComparison.Ordinal))
                && decision.DecidingClauseId.StartsWith(prefix, StringComparison.Ordinal);
        });
    }

    private static bool Matches(ConvenantDocument doc, Prohibition p, PolicyQuery q)
        => (p.Parties.Count == 0 || p.Parties.Contains(q.Partner))
        && (p.Roles.Count == 0 || p.Roles.Contains(q.Role))
        && (p.Actions.Count == 0 || p.Actions.Any(a => PolicyNames.Action.ToName(a) == q.Action))
        && (p.Purposes.Count == 0 || p.Purposes.Any(x => IsSelfOrDescendant(doc, q.Purpose, x)))
        && (p.Categories.Count == 0 || p.Categories.Intersect(q.Categories).Any())
        && (p.Modes.Count == 0 || p.Modes.Any(m => PolicyNames.Mode.ToName(m) == q.Mode))
        && (p.SubjectTypes.Count == 0 || p.SubjectTypes.Any(s => PolicyNames.SubjectType.ToName(s) == q.SubjectType));

    private static bool RelatedToProhibitedPurpose(ConvenantDocument doc, string purpose)
        => doc.Purposes.Where(p => p.Disposition == PurposeDisposition.Prohibited)
            .Any(p => IsSelfOrDescendant(doc, purpose, p.Id) || IsSelfOrDescendant(doc, p.Id, purpose));

    private static bool IsSelfOrDescendant(ConvenantDocument doc, string purpose, string ancestor)
    {
        for (var current = purpose; current is not null; current = doc.Purposes.FirstOrDefault(p => p.Id == current)?.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
