using System.CommandLine;
using Mnemo.Cli.Benchmarks.Recall;
using Mnemo.Cli.Output;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo bench recall</c>: retrieval quality of full-text, vector and hybrid search on a generated set of
/// conversational memories (docs/recall-eval.md), with the latency of each, in one run.
/// </summary>
/// <remarks>Always a fresh scratch database: the evaluation must not see, or leave, anything in the user's memory.</remarks>
internal static class BenchRecallCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the generated dialogues and questions", DefaultValueFactory = _ => 42 };
        var limit = new Option<int>("--limit") { Description = "Results asked per search (at least 10, as recall@10 is reported)", DefaultValueFactory = _ => 10 };
        var conversations = new Option<int>("--conversations")
        {
            Description = "Conversations (personas) to generate; fewer makes a quicker, smaller run",
            DefaultValueFactory = _ => RecallDataset.DefaultConversations,
        };
        var sessions = new Option<int>("--sessions")
        {
            Description = $"Sessions per conversation, at least {RecallDataset.MinSessions}",
            DefaultValueFactory = _ => RecallDataset.DefaultSessions,
        };
        var directory = new Option<string?>("--dir") { Description = "Directory for the scratch database (default: a new temporary one, deleted after)" };
        var command = new Command("recall", "Benchmark search quality: recall@1/5/10 and MRR of full-text, vector and hybrid search on generated dialogues")
        {
            seed, limit, conversations, sessions, directory,
        };
        command.SetBody(async context =>
        {
            var options = new RecallBenchmarkOptions(
                context.Value(seed),
                AtLeast("--conversations", context.Value(conversations), 1),
                AtLeast("--sessions", context.Value(sessions), RecallDataset.MinSessions),
                AtLeast("--limit", context.Value(limit), 10),
                context.Value(directory) ?? Path.Combine(Path.GetTempPath(), $"mnemo-bench-recall-{Guid.NewGuid():N}"));
            var ownDirectory = context.Value(directory) is null;
            Directory.CreateDirectory(options.Directory);
            try
            {
                var result = await RecallBenchmark.RunAsync(options, new ProgressLine(context.Error).Line, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(result.WriteJson);
                }
                else
                {
                    await result.WriteTableAsync(context.Output).ConfigureAwait(false);
                }
            }
            finally
            {
                if (ownDirectory)
                {
                    Directory.Delete(options.Directory, recursive: true);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int AtLeast(string option, int value, int minimum) =>
        value >= minimum ? value : throw new ArgumentException($"{option} {value} is below the minimum of {minimum}");
}
