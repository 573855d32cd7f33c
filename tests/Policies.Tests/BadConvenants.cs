using System.Text.Json.Nodes;

namespace SharingHub.Policies.Tests;

/// <summary>Deliberately broken variants of a shipped convenant, made by editing its JSON tree.</summary>
internal static class BadConvenants
{
    public static string Mutate(string id, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(ShippedConvenants.Text(id))!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    public static JsonObject Item(this JsonObject root, string list, string clauseId)
        => root[list]!.AsArray().Select(n => n!.AsObject()).Single(o => (string?)o["clauseId"] == clauseId);

    public static JsonArray List(this JsonObject root, string list) => root[list]!.AsArray();
}
