using System.CommandLine;
using System.Globalization;
using Mnemo.Benchmarks;
using Mnemo.Benchmarks.Context;
using Mnemo.Cli.Output;
using Mnemo.Core.Context;
using Mnemo.Core.Tokens;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo bench context</c>: how much of the evidence a question needs ends up inside the context Mnemo assembles
/// within a token budget, against the most recent turns alone and plain top-k search cut at the budget, on generated
/// multi-session conversations; and assembly latency at growing store sizes beside the top-k baseline.
/// </summary>
/// <remarks>Always fresh scratch databases: the evaluation must not see, or leave, anything in the user's memory.</remarks>
internal static class BenchContextCommand
{
    /// <summary>
    /// The embedder by default: the built-in hashing one, so that the default run (100,000 entries to index) takes minutes,
    /// and so that its figures do not change with the machine's MNEMO_EMBEDDER.
    /// </summary>
    public const string DefaultEmbedder = "builtin-hashing";

    /// <summary>The store sizes timed with <c>--quick</c>.</summary>
    public const int QuickSize = 1000;

    public static Command Create()
    {
        var seed = new Option<int>("--seed")
        {
            Description = $"Seed of the generated conversations (default {ContextDataset.HeldOutSeed}, held out: the generator's constants "
                + $"were chosen on seed {ContextDataset.DevelopmentSeed} only; 101, held out by the earlier short-turn generator, was looked at)",
            DefaultValueFactory = _ => ContextDataset.HeldOutSeed,
        };
        var users = new Option<int?>("--users")
        {
            Description = $"Users, each with {ContextDataset.FactsPerUser} planted facts and questions, in a database of their own "
                + $"(default {ContextDataset.DefaultUsers}; 1 with --quick)",
        };
        var sessions = new Option<int?>("--sessions")
        {
            Description = $"Past sessions per user, at least {ContextDataset.MinSessions} (default {ContextDataset.DefaultSessions}; "
                + $"{ContextDataset.MinSessions * 2} with --quick)",
        };
        var budgets = new Option<string>("--budgets")
        {
            Description = "Token budgets the evidence share is measured at, comma-separated",
            DefaultValueFactory = _ => "1000,2000",
        };
        var tokenizer = new Option<string>("--tokenizer")
        {
            Description = $"The tokenizer every context is counted with: {string.Join(", ", TokenCounters.BuiltInNames)}",
            DefaultValueFactory = _ => TokenCounters.DefaultName,
        };
        var topK = new Option<int>("--top-k")
        {
            Description = "Hits asked of the plain top-k baseline's search before it is cut at the budget",
            DefaultValueFactory = _ => ContextRequest.DefaultMaxMemories,
        };
        var sizes = new Option<string?>("--sizes")
        {
            Description = $"Store sizes (entries) at which assembly latency is timed, comma-separated; the first user's store is filled "
                + $"with filler entries up to each (default 10000,100000; {QuickSize} with --quick; 0 for none)",
        };
        var assemblies = new Option<int?>("--assemblies")
        {
            Description = "Timed assemblies, and timed top-k baselines, per size (default 50; 10 with --quick)",
        };
        var quick = new Option<bool>("--quick") { Description = "A small run (1 user, 8 sessions, one 1,000-entry size): checks the bench, not the engine" };
        var embedder = new Option<string>("--embedder")
        {
            Description = "The embedder of the scratch databases, in the forms of mnemo reindex --embedder (default builtin-hashing, "
                + "not MNEMO_EMBEDDER: a neural model takes about half an hour to embed 100,000 entries on a small machine)",
            DefaultValueFactory = _ => DefaultEmbedder,
        };
        var directory = new Option<string?>("--dir") { Description = "Directory for the scratch databases (default: a new temporary one, deleted after)" };
        var command = new Command("context",
            "Benchmark context assembly: the share of needed evidence inside 1,000 and 2,000 token contexts against the recent turns "
            + "alone and plain top-k search, no context over its budget, and assembly latency p50/p95 at 10,000 and 100,000 entries")
        {
            seed, users, sessions, budgets, tokenizer, topK, sizes, assemblies, quick, embedder, directory,
        };
        command.SetBenchBody(async context =>
        {
            var isQuick = context.Value(quick);
            var chosenEmbedder = context.Value(embedder)!;
            var chosenTokenizer = context.Value(tokenizer)!;
            if (!TokenCounters.BuiltIn.TryGet(chosenTokenizer, out var counter))
            {
                throw new ArgumentException($"--tokenizer '{chosenTokenizer}' is not a tokenizer: use {string.Join(" or ", TokenCounters.BuiltInNames)}");
            }

            var options = new ContextBenchmarkOptions(
                context.Value(seed),
                AtLeast("--users", context.Value(users) ?? (isQuick ? 1 : ContextDataset.DefaultUsers), 1),
                AtLeast("--sessions", context.Value(sessions) ?? (isQuick ? ContextDataset.MinSessions * 2 : ContextDataset.DefaultSessions), ContextDataset.MinSessions),
                ParseList("--budgets", context.Value(budgets)!, minimum: 1),
                counter.Name,
                AtLeast("--top-k", context.Value(topK), 1),
                context.Value(sizes) is { } given ? [.. ParseList("--sizes", given, minimum: 0).Where(size => size > 0)] : isQuick ? [QuickSize] : [10_000, 100_000],
                AtLeast("--assemblies", context.Value(assemblies) ?? (isQuick ? 10 : 50), 1),
                Directory: "", // the scratch directory, below
                chosenEmbedder,
                context.ScratchEngineOptions(chosenEmbedder));
            using var scratch = ScratchDirectory.Create(context.Value(directory), "mnemo-bench-context");
            var result = await ContextBenchmark.RunAsync(options with { Directory = scratch.Path }, new ProgressLine(context.Error).Line,
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

    /// <summary>The whole numbers of <c>--budgets 1000,2000</c>, ascending, without repeats.</summary>
    internal static int[] ParseList(string option, string list, int minimum)
    {
        var values = new SortedSet<int>();
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
            {
                throw new ArgumentException($"{option} '{list}': '{part}' is not a whole number of at least {minimum}; give e.g. {option} 1000,2000");
            }

            values.Add(value);
        }

        return values.Count > 0 ? [.. values] : throw new ArgumentException($"{option} '{list}' names no value; give e.g. {option} 1000,2000");
    }

    private static int AtLeast(string option, int value, int minimum) =>
        value >= minimum ? value : throw new ArgumentException($"{option} {value} is below the minimum of {minimum}");
}
