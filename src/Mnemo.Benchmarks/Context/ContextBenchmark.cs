using System.Diagnostics;
using Mnemo.Core;
using Mnemo.Core.Context;
using Mnemo.Core.Tokens;

namespace Mnemo.Benchmarks.Context;

/// <summary>
/// <c>mnemo bench context</c>: generates the context set, adds every user's sessions to a scratch database through the
/// engine's sessions, and for every question and budget scores the context the engine assembles against two
/// baselines built within the same budget in the same run; then grows the first user's store with filler entries and
/// times assembly at each size beside the top-k baseline.
/// </summary>
internal static partial class ContextBenchmark
{
    /// <summary>The engine's context assembly (<see cref="MnemoEngine.AssembleContextAsync"/>) with the current session.</summary>
    public const string Assembled = "assembled";

    /// <summary>Baseline: the most recent turns only, across every session, newest first, whole, until the budget.</summary>
    public const string Recent = "recent";

    /// <summary>Baseline: plain hybrid search, its hits whole in score order until one does not fit.</summary>
    public const string TopK = "topk";

    /// <summary>The methods, in report order.</summary>
    public static readonly IReadOnlyList<string> Methods = [Assembled, Recent, TopK];

    /// <summary>Runs the benchmark; <paramref name="log"/> receives a line per phase.</summary>
    public static async Task<ContextBenchmarkResult> RunAsync(ContextBenchmarkOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var counter = TokenCounters.BuiltIn.Get(options.Tokenizer);
        var total = Stopwatch.StartNew();
        var dataset = ContextDataset.Generate(options.Seed, options.Users, options.Sessions);
        var messages = dataset.Users.Sum(u => u.Messages.Count());
        var questions = dataset.Users.Sum(u => u.Questions.Count);
        log($"seed {options.Seed}: {dataset.Users.Count} users, {messages:N0} messages, {questions} questions");

        var tallies = options.Budgets.SelectMany(budget => Methods.Select(method => new EvidenceTally(method, budget))).ToList();
        EvidenceTally Tally(string method, int budget) => tallies.First(t => t.Method == method && t.Budget == budget);
        var (loadSeconds, model) = (0.0, "");
        IReadOnlyList<ContextLatency> latency = [];
        for (var u = 0; u < dataset.Users.Count; u++)
        {
            var user = dataset.Users[u];
            var path = Path.Combine(options.Directory, $"{user.Name}.db");
            var engine = await MnemoEngine.OpenAsync(options.EngineOptions(path), cancellationToken).ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var clock = Stopwatch.StartNew();
                await LoadAsync(engine, user, options.Tokenizer, cancellationToken).ConfigureAwait(false);
                await engine.CatchUpIndexesAsync(null, cancellationToken).ConfigureAwait(false);
                loadSeconds += clock.Elapsed.TotalSeconds;
                model = await engine.GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);

                // The recent-turns baseline does not depend on the question: one context per budget.
                var newestFirst = user.Sessions.Reverse().SelectMany(s => s.Messages.Reverse()).ToList();
                var recent = options.Budgets.ToDictionary(b => b, b => BaselineContext.Recent(newestFirst, counter, b));
                foreach (var question in user.Questions)
                {
                    var hits = await SearchAsync(engine, question.Text, options.TopK, cancellationToken).ConfigureAwait(false);
                    foreach (var budget in options.Budgets)
                    {
                        var assembled = await engine.AssembleContextAsync(Request(question.Text, user, budget, options.Tokenizer), cancellationToken)
                            .ConfigureAwait(false);
                        Tally(Assembled, budget).Add(question, assembled.Text, assembled.Tokens, counter.CountTokens(assembled.Text));
                        Tally(Recent, budget).Add(question, recent[budget].Text, recent[budget].Tokens, counter.CountTokens(recent[budget].Text));
                        var topK = BaselineContext.TopK(hits, counter, budget);
                        Tally(TopK, budget).Add(question, topK.Text, topK.Tokens, counter.CountTokens(topK.Text));
                    }
                }

                log($"{user.Name}: {user.Messages.Count():N0} messages in {user.Past.Count + 1} sessions, {user.Questions.Count} questions scored");
                if (u == 0 && options.Sizes.Count > 0)
                {
                    latency = await MeasureLatencyAsync(engine, user, options, counter, log, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        foreach (var tally in tallies)
        {
            log($"{tally.Method,-9} budget {tally.Budget,5}: evidence {tally.Share:0.000}, mean {tally.MeanTokens:0} tokens, {tally.Violations} over budget");
        }

        return new ContextBenchmarkResult(options, dataset, model, tallies, latency, loadSeconds, total.Elapsed.TotalSeconds);
    }

    /// <summary>The request of the assembled method: the question as the prompt, in the user's current session.</summary>
    internal static ContextRequest Request(string prompt, ContextUser user, int budget, string tokenizer) => new()
    {
        Prompt = prompt,
        Session = user.Current.Id,
        Budget = budget,
        Tokenizer = tokenizer,
    };

    /// <summary>The texts of the top-k baseline's hits, best first.</summary>
    internal static async Task<IReadOnlyList<string>> SearchAsync(MnemoEngine engine, string prompt, int limit, CancellationToken cancellationToken)
    {
        var hits = await engine.SearchAsync(prompt, new SearchFilter { Limit = limit }, cancellationToken).ConfigureAwait(false);
        return [.. hits.Select(hit => hit.Entry.Text)];
    }

    /// <summary>Adds every session of a user, message by message, as an agent would.</summary>
    /// <exception cref="InvalidOperationException">The engine changed a generated message (its redactor found something to hide).</exception>
    internal static async Task LoadAsync(MnemoEngine engine, ContextUser user, string tokenizer, CancellationToken cancellationToken)
    {
        foreach (var session in user.Sessions)
        {
            await engine.StartSessionAsync(session.Id, tokenizer, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var message in session.Messages)
            {
                var added = await engine.AddMessageAsync(session.Id, message.Role, message.Text, message.ToolCallId, cancellationToken)
                    .ConfigureAwait(false);

                // The markers are looked for in the stored text: a redacted or renumbered message would make the evidence wrong.
                if (added.Text != message.Text || added.Sequence != message.Sequence)
                {
                    throw new InvalidOperationException(
                        $"the engine stored message {message.Sequence} of {session.Id} as {added.Sequence} '{added.Text}', not '{message.Text}'");
                }
            }

            if (session != user.Current)
            {
                await engine.EndSessionAsync(session.Id, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
