using System.CommandLine;
using System.Globalization;
using Mnemo.Benchmarks;
using Mnemo.Benchmarks.Recall;
using Mnemo.Cli.Output;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo bench recall</c>: how well search finds the turns that answer questions about generated chat logs, for a
/// plain SQLite FTS5 BM25 baseline and Mnemo's full-text, vector and hybrid search, per question type (docs/recall-eval.md).
/// </summary>
/// <remarks>Always fresh scratch databases: the evaluation must not see, or leave, anything in the user's memory.</remarks>
internal static class BenchRecallCommand
{
    /// <summary>
    /// The seed run by default: held out, as are 101-105. Constants of the search (weights, thresholds) are chosen on the
    /// development seeds 1-3 only, and reported on the held-out ones, never chosen on them (docs/recall-eval.md).
    /// </summary>
    public const int DefaultSeed = 101;

    public static Command Create()
    {
        var set = new Option<string>("--set")
        {
            Description = $"The evaluation set: {RecallDataset.People} (chats between two people, the default) "
                + $"or {RecallDataset.Assistant} (the first, easier set)",
            DefaultValueFactory = _ => RecallDataset.People,
        };
        set.AcceptOnlyFromAmong(RecallDataset.People, RecallDataset.Assistant);
        var seed = new Option<int>("--seed")
        {
            Description = $"Seed of the generated set (default {DefaultSeed}, held out; choose constants on seeds 1-3 only)",
            DefaultValueFactory = _ => DefaultSeed,
        };
        var seeds = new Option<string?>("--seeds")
        {
            Description = "Several seeds, comma-separated (e.g. 1,2,3): each is run and printed, then their mean; replaces --seed",
        };
        var limit = new Option<int>("--limit") { Description = "Results asked per search (at least 10, as recall@10 is reported)", DefaultValueFactory = _ => 10 };
        var conversations = new Option<int?>("--conversations")
        {
            Description = $"Conversations per set (default {ConversationSet.DefaultConversations} for people, "
                + $"{AssistantSet.DefaultConversations} for assistant); fewer makes a quicker run",
        };
        var sessions = new Option<int?>("--sessions")
        {
            Description = $"Sessions per conversation, at least {RecallDataset.MinSessions} "
                + $"(default {ConversationSet.DefaultSessions} for people, {AssistantSet.DefaultSessions} for assistant)",
        };
        var embedder = new Option<string?>("--embedder")
        {
            Description = "The embedder of the scratch databases, in the forms of mnemo reindex --embedder "
                + "(default: MNEMO_EMBEDDER, else the engine's default)",
        };
        var directory = new Option<string?>("--dir") { Description = "Directory for the scratch databases (default: a new temporary one, deleted after)" };
        var command = new Command("recall",
            "Benchmark search quality: evidence recall@1/5/10 and MRR of plain BM25 and Mnemo's full-text, vector and hybrid search, per question type")
        {
            set, seed, seeds, limit, conversations, sessions, embedder, directory,
        };
        command.SetBenchBody(async context =>
        {
            var chosenEmbedder = context.Value(embedder);
            var options = new RecallBenchmarkOptions(
                context.Value(set)!,
                context.Value(seeds) is { } list ? ParseSeeds(list) : [context.Value(seed)],
                context.Value(conversations) is { } c ? AtLeast("--conversations", c, 1) : null,
                context.Value(sessions) is { } s ? AtLeast("--sessions", s, RecallDataset.MinSessions) : null,
                AtLeast("--limit", context.Value(limit), 10),
                Directory: "", // the scratch directory, below
                chosenEmbedder,
                context.ScratchEngineOptions(chosenEmbedder));
            using var scratch = ScratchDirectory.Create(context.Value(directory), "mnemo-bench-recall");
            var result = await RecallBenchmark.RunAsync(options with { Directory = scratch.Path }, new ProgressLine(context.Error).Line,
                context.CancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.WriteJson);
            }
            else
            {
                await result.WriteTableAsync(context.Output).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The seeds of <c>--seeds 1,2,3</c>, in order, without repeats.</summary>
    internal static int[] ParseSeeds(string list)
    {
        var seeds = new List<int>();
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var seed = int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ArgumentException($"--seeds '{list}': '{part}' is not a whole number; give e.g. --seeds 1,2,3");
            if (!seeds.Contains(seed))
            {
                seeds.Add(seed);
            }
        }

        return seeds.Count > 0 ? [.. seeds] : throw new ArgumentException($"--seeds '{list}' names no seed; give e.g. --seeds 1,2,3");
    }

    private static int AtLeast(string option, int value, int minimum) =>
        value >= minimum ? value : throw new ArgumentException($"{option} {value} is below the minimum of {minimum}");
}
