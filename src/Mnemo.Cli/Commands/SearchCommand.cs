using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core.Retrieval;
using Mnemo.Core.Time;
using Mnemo.Core.Transfer;

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
        var since = new Option<string?>("--since") { Description = "Only entries written since: ISO 8601, or a duration ago such as 7d" };
        var limit = new Option<int>("--limit") { Description = "The most results, 1..1000", DefaultValueFactory = _ => 10 };
        var explain = new Option<bool>("--explain") { Description = "Show each signal's part: full-text rank and BM25, vector rank and similarity" };
        var command = new Command("search", "Find the entries that best answer a question: full-text and vector matches fused by rank (scores 0..1)")
        {
            query, ns, kind, tags, since, limit, explain,
        };
        command.SetBody(async context =>
        {
            var filter = new SearchFilter
            {
                Prefix = context.Value(ns) ?? "",
                Kind = context.Value(kind),
                Tags = CliParsing.Tags(context.Value(tags)) ?? [],
                Since = context.Value(since) is { } text ? Timestamps.ParsePoint(text, DateTimeOffset.UtcNow) : null,
                Limit = context.Value(limit),
            };
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var hits = await engine.SearchAsync(context.Value(query)!, filter, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartArray();
                        foreach (var hit in hits)
                        {
                            writer.WriteStartObject();
                            writer.WriteNumber("score", hit.Score);
                            EntryJson.WriteFields(writer, hit.Entry);
                            if (context.Value(explain) && hit.Explanation is { } parts)
                            {
                                WriteExplanation(writer, parts);
                            }
                            writer.WriteEndObject();
                        }

                        writer.WriteEndArray();
                    });
                    return ExitCodes.Ok;
                }

                var table = context.Value(explain)
                    ? new TextTable("SCORE", "TEXT#", "BM25", "VEC#", "COSINE", "KEY", "TEXT")
                    : new TextTable("SCORE", "KEY", "TEXT");
                foreach (var hit in hits)
                {
                    var score = hit.Score.ToString("0.000", CultureInfo.InvariantCulture);
                    if (context.Value(explain) && hit.Explanation is { } p)
                    {
                        table.Add(score, Format(p.TextRank), Format(p.TextScore), Format(p.VectorRank), Format(p.VectorSimilarity), hit.Entry.Key,
                            HumanText.Snippet(hit.Entry.Text, 40));
                    }
                    else
                    {
                        table.Add(score, hit.Entry.Key, HumanText.Snippet(hit.Entry.Text));
                    }
                }

                table.WriteTo(context.Output);
                await context.Output.WriteLineAsync($"{hits.Count} results").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Format(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";

    private static void WriteExplanation(System.Text.Json.Utf8JsonWriter writer, SearchExplanation parts)
    {
        writer.WriteStartObject("explain");
        writer.WriteStartObject("text");
        WriteOptional(writer, "rank", parts.TextRank);
        WriteOptional(writer, "bm25", parts.TextScore);
        writer.WriteNumber("part", Math.Round(parts.TextPart, 6));
        writer.WriteEndObject();
        writer.WriteStartObject("vector");
        WriteOptional(writer, "rank", parts.VectorRank);
        WriteOptional(writer, "similarity", parts.VectorSimilarity);
        writer.WriteNumber("part", Math.Round(parts.VectorPart, 6));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteOptional(System.Text.Json.Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
