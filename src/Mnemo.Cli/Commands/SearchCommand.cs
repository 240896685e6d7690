using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;
using Mnemo.Core.Retrieval;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo search "QUERY"</c>: the entries that best match a question or a few words, best first.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("QUERY") { Description = "What to look for, in any words (no query syntax to learn or escape)" };
        var ns = new Option<string?>("--namespace") { Description = "Only keys under this prefix, e.g. conv/42/" };
        var kind = new Option<string?>("--kind") { Description = "Only entries of this kind" };
        var tags = new Option<string?>("--tags") { Description = "Only entries with all these comma-separated tags" };
        var byAgent = new Option<string?>("--by-agent") { Description = "Only entries last written by this agent" };
        var since = new Option<string?>("--since") { Description = "Only entries written since: ISO 8601, or a duration ago such as 7d" };
        var until = new Option<string?>("--until") { Description = "Only entries written until: ISO 8601, or a duration ago such as 1d" };
        var limit = new Option<int>("--limit") { Description = "The most results, 1..1000", DefaultValueFactory = _ => 10 };
        var expand = new Option<int>("--expand") { Description = "Also return entries linked to the results, up to this many links away (0..3)" };
        var mode = new Option<string>("--mode") { Description = "Rank by both signals (hybrid), full-text alone (text) or vectors alone (vector)", DefaultValueFactory = _ => SearchModes.Name(SearchMode.Hybrid) };
        mode.AcceptOnlyFromAmong([.. SearchModes.Map.Names]);
        var explain = new Option<bool>("--explain")
        {
            Description = "Show each signal: raw BM25 and cosine, their 0..1 values, and each part of the score (text, vector, recency, importance, use)",
        };
        var minScore = new Option<double>("--min-score") { Description = "Leave out hits scoring below this (0..1; scores mean the same for every query)" };
        var command = new Command("search", "Find the entries that best answer a question: word and meaning matches fused by weight (scores 0..1)")
        {
            query, ns, kind, tags, byAgent, since, until, limit, expand, mode, explain, minScore,
        };
        command.SetBody(async context =>
        {
            // Checked before the store opens; the times need the engine's clock.
            var minimum = MinScore(context.Value(minScore));
            var searchMode = SearchModes.Parse(context.Value(mode)!);
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var filter = new SearchFilter
                {
                    Prefix = context.Value(ns) ?? "",
                    Kind = context.Value(kind),
                    Tags = CliParsing.Tags(context.Value(tags)) ?? [],
                    Agent = context.Value(byAgent),
                    Since = context.Value(since) is { } from ? engine.ParseTimePoint(from) : null,
                    Until = context.Value(until) is { } to ? engine.ParseTimePoint(to) : null,
                    Limit = context.Value(limit),
                    Expand = context.Value(expand),
                    MinScore = minimum,
                    Mode = searchMode,
                };
                var hits = await engine.SearchAsync(context.Value(query)!, filter, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => SearchHitJson.WriteArray(writer, hits, context.Value(explain)));
                }
                else
                {
                    WriteTable(context.Output, hits, context.Value(explain));
                    await context.Output.WriteLineAsync(Counted.Of(hits.Count, "result", "results")).ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static double MinScore(double value) => value is >= 0 and <= 1
        ? value
        : throw new ArgumentException($"--min-score {value.ToString(CultureInfo.InvariantCulture)} is not a score: use 0..1, e.g. 0.3");

    private static void WriteTable(TextWriter output, IReadOnlyList<SearchHit> hits, bool explain)
    {
        var table = explain
            ? new TextTable("SCORE", "BM25", "TEXT", "COSINE", "VECTOR", "RECENT", "IMPORT", "USE", "KEY", "TEXT")
            : new TextTable("SCORE", "KEY", "TEXT");
        foreach (var hit in hits)
        {
            var score = Format(hit.Score);
            var text = hit.Explanation?.LinkedFrom is { } via
                ? $"(linked from {via}: {hit.Explanation.LinkRelation}) {hit.Entry.Text}"
                : hit.Entry.Text;
            if (explain && hit.Explanation is { } p)
            {
                var note = p.Embedding is { } embedded ? $" [{embedded}]" : "";
                table.Add(score, Format(p.TextScore), Format(p.TextNormalized), Format(p.VectorSimilarity), Format(p.VectorNormalized),
                    Format(p.RecencyPart), Format(p.ImportancePart), Format(p.UsePart), hit.Entry.Key, HumanText.Snippet(text, 40) + note);
            }
            else
            {
                table.Add(score, hit.Entry.Key, HumanText.Snippet(text));
            }
        }

        table.WriteTo(output);
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
