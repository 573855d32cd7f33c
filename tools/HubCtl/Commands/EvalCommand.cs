using System.CommandLine;
using System.Text.Json;
using SharingHub.HubCtl.Csv;
using SharingHub.Pseudonymisation.Linkage.Evaluation;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// `hubctl eval --links links.csv --truth truth.csv [--left A.csv --right B.csv]`: pairwise precision, recall
/// and F1 as JSON. The truth pairs are all pairs of a left and a right record with the same entity. Which
/// records are "left" and "right" comes from --left/--right when given; otherwise from the record ids as
/// `hubctl synth` writes them ("p1-0042": the file is the part before the first '-'), taking the files that
/// the links' left and right ids come from (or the only two files in the truth).
/// </summary>
internal static class EvalCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create(CommandContext context)
    {
        var links = new Option<FileInfo>("--links") { Description = "Links CSV (left_id,right_id,score,reason)", Required = true };
        var truth = new Option<FileInfo>("--truth") { Description = "Truth CSV (record_id,entity_id)", Required = true };
        var left = new Option<FileInfo?>("--left") { Description = "Left person-record CSV (fixes the left record set)" };
        var right = new Option<FileInfo?>("--right") { Description = "Right person-record CSV (fixes the right record set)" };
        var command = new Command("eval", "Pairwise precision, recall and F1 of links against the truth, as JSON")
        {
            links, truth, left, right,
        };
        command.SetAction(parse => Run(
            context,
            parse.GetRequiredValue(links).FullName,
            parse.GetRequiredValue(truth).FullName,
            parse.GetValue(left)?.FullName,
            parse.GetValue(right)?.FullName));
        return command;
    }

    internal static int Run(CommandContext context, string linksPath, string truthPath, string? leftPath, string? rightPath)
    {
        if ((leftPath is null) != (rightPath is null))
        {
            context.Error.WriteLine($"hubctl eval: {LinkErrorCodes.SidesUnknown}: give both --left and --right, or neither.");
            return HubCtlApp.UsageError;
        }

        var linkRead = LinksCsv.ReadAll(linksPath);
        if (!linkRead.IsSuccess)
        {
            context.Error.WriteLine($"hubctl eval: {Path.GetFileName(linksPath)}: {linkRead.Error}");
            return HubCtlApp.CheckFailed;
        }

        var truthRead = TruthCsv.ReadAll(truthPath);
        if (!truthRead.IsSuccess)
        {
            context.Error.WriteLine($"hubctl eval: {Path.GetFileName(truthPath)}: {truthRead.Error}");
            return HubCtlApp.CheckFailed;
        }

        var entityOf = truthRead.Records.ToDictionary(t => t.RecordId, t => t.EntityId, StringComparer.Ordinal);
        IReadOnlyList<string>? leftIds, rightIds;
        if (leftPath is not null)
        {
            leftIds = ReadIds(context, leftPath);
            rightIds = ReadIds(context, rightPath!);
            if (leftIds is null || rightIds is null)
            {
                return HubCtlApp.CheckFailed;
            }
        }
        else if (!TryInferSides(linkRead.Records, entityOf.Keys, out leftIds, out rightIds))
        {
            context.Error.WriteLine($"hubctl eval: {LinkErrorCodes.SidesUnknown}: cannot tell the left and right files from the record ids; pass --left and --right.");
            return HubCtlApp.UsageError;
        }

        var unknown = linkRead.Records.Count(l => !entityOf.ContainsKey(l.LeftId) || !entityOf.ContainsKey(l.RightId));
        if (unknown > 0)
        {
            context.Error.WriteLine($"hubctl eval: {LinkErrorCodes.UnknownLinkIds}: {unknown} link(s) name records the truth does not know; counted as false positives.");
        }

        var result = PairwiseEvaluation.Evaluate(linkRead.Records.Select(l => (l.LeftId, l.RightId)), entityOf, leftIds!, rightIds!);
        context.Output.WriteLine(JsonSerializer.Serialize(
            new EvalReport(result.Precision, result.Recall, result.F1, result.TruePositives, result.FalsePositives, result.FalseNegatives, linkRead.Records.Count),
            Json));
        return HubCtlApp.Success;
    }

    internal static string FileOf(string recordId)
    {
        var dash = recordId.IndexOf('-', StringComparison.Ordinal);
        return dash <= 0 ? string.Empty : recordId[..dash];
    }

    private static bool TryInferSides(
        IReadOnlyList<LinkRecord> links,
        IEnumerable<string> truthIds,
        out IReadOnlyList<string>? leftIds,
        out IReadOnlyList<string>? rightIds)
    {
        leftIds = rightIds = null;
        var byFile = truthIds.GroupBy(FileOf, StringComparer.Ordinal).Where(g => g.Key.Length > 0).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        string? leftFile, rightFile;
        if (links.Count > 0)
        {
            var leftFiles = links.Select(l => FileOf(l.LeftId)).Distinct(StringComparer.Ordinal).ToList();
            var rightFiles = links.Select(l => FileOf(l.RightId)).Distinct(StringComparer.Ordinal).ToList();
            if (leftFiles.Count != 1 || rightFiles.Count != 1 || leftFiles[0] == rightFiles[0])
            {
                return false;
            }

            (leftFile, rightFile) = (leftFiles[0], rightFiles[0]);
        }
        else if (byFile.Count == 2)
        {
            var files = byFile.Keys.Order(StringComparer.Ordinal).ToList();
            (leftFile, rightFile) = (files[0], files[1]);
        }
        else
        {
            return false;
        }

        if (!byFile.TryGetValue(leftFile, out var l) || !byFile.TryGetValue(rightFile, out var r))
        {
            return false;
        }

        (leftIds, rightIds) = (l, r);
        return true;
    }

    private static List<string>? ReadIds(CommandContext context, string path)
    {
        var read = PersonRecordCsv.ReadAll(path);
        if (!read.IsSuccess)
        {
            context.Error.WriteLine($"hubctl eval: {Path.GetFileName(path)}: {read.Error}");
            return null;
        }

        return [.. read.Records.Select(r => r.RecordId)];
    }

    private sealed record EvalReport(double Precision, double Recall, double F1, long TruePositives, long FalsePositives, long FalseNegatives, int Links);
}
