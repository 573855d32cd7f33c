using FsCheck;
using FsCheck.Fluent;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Policies.Tests.Decisions;

/// <summary>Random queries over the shipped convenants' vocabulary (mostly valid words, sometimes outsiders).</summary>
internal static class QueryGenerator
{
    private static readonly string[] Outsiders = ["kmar", "school", "zorgpartner", "belastingdienst", "halt", "x", "gemeente-2"];

    public static Gen<PolicyQuery> For(string convenantId, Gen<string>? partner = null, Gen<DateTimeOffset>? at = null)
    {
        var doc = ShippedConvenants.Get(convenantId).Document;
        var parties = Gen.Frequency((9, Gen.Elements(doc.Parties.Select(p => p.Id).ToArray())), (1, Gen.Elements(Outsiders)));
        var roles = Gen.Elements(doc.Roles.Select(r => r.Id).ToArray());
        var purposes = Gen.Elements(doc.Purposes.Select(p => p.Id).ToArray());
        var categoryIds = doc.Categories.Select(c => c.Id).ToArray();
        var categories = Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(categoryIds), n)).Select(a => a.Distinct().ToArray());
        var levels = doc.EscalationLevels.Count == 0
            ? Gen.Constant<string?>(null)
            : Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Gen.Elements(doc.EscalationLevels.Select(l => (string?)l.Id).ToArray())));
        var phases = Gen.Elements(PolicyNames.Phase.Names.Select(n => (string?)n).Append(null).ToArray());
        var gates = Gen.SubListOf(new[] { "four-eyes", "privacy-officer", "moreel-beraad", "steering-group" }).Select(l => l.ToArray());
        var time = at ?? Gen.Choose(0, 365 * 7).Select(d => new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(d));
        var counterpart = Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Elements(doc.Parties.Select(p => (string?)p.Id).ToArray())));

        return from p in partner ?? parties
               from r in roles
               from u in purposes
               from a in Gen.Elements(PolicyNames.Action.Names.ToArray())
               from c in categories
               from s in Gen.Elements(PolicyNames.SubjectType.Names.ToArray())
               from m in Gen.Elements(PolicyNames.Mode.Names.ToArray())
               from ph in phases
               from l in levels
               from cp in counterpart
               from flags in Gen.Choose(0, 7)
               from g in gates
               from t in time
               select new PolicyQuery
               {
                   Convenant = convenantId,
                   Partner = p,
                   Role = r,
                   Purpose = u,
                   Action = a,
                   Categories = c,
                   SubjectType = s,
                   Mode = m,
                   Phase = ph,
                   Level = l,
                   Counterpart = cp,
                   Minor = (flags & 1) != 0,
                   NewPurpose = (flags & 2) != 0,
                   CrossConvenant = (flags & 4) != 0,
                   Approved = g,
                   At = t,
               };
    }

    public static Gen<PolicyQuery> AnyConvenant(Func<string, Gen<PolicyQuery>> perConvenant)
        => Gen.Elements(ShippedConvenants.Ids).SelectMany(perConvenant);
}
