using Mnemo.Core;

namespace Mnemo.Benchmarks.Context;

/// <summary>Settings of <c>mnemo bench context</c>.</summary>
/// <param name="Seed">Seed of the generated set.</param>
/// <param name="Users">Users, each in a scratch database of their own.</param>
/// <param name="Sessions">Past sessions per user.</param>
/// <param name="Budgets">The token budgets the evidence share is measured at.</param>
/// <param name="Tokenizer">The tokenizer that counts every context (a name of <see cref="Core.Tokens.TokenCounters"/>).</param>
/// <param name="TopK">Hits asked of the plain top-k baseline's search.</param>
/// <param name="Sizes">Store sizes (live entries) the assembly latency is measured at, ascending.</param>
/// <param name="Assemblies">Timed assemblies (and timed top-k baselines) per size.</param>
/// <param name="Directory">Where the scratch databases are made.</param>
/// <param name="Embedder">The embedder asked for with <c>--embedder</c>, or null for the engine's default.</param>
/// <param name="EngineOptions">The engine's options for a database path.</param>
/// <param name="BatchSize">Filler entries per <see cref="MnemoEngine.StoreManyAsync"/> call in the latency phase.</param>
internal sealed record ContextBenchmarkOptions(
    int Seed, int Users, int Sessions, IReadOnlyList<int> Budgets, string Tokenizer, int TopK, IReadOnlyList<int> Sizes, int Assemblies,
    string Directory, string? Embedder, Func<string, MnemoOptions> EngineOptions, int BatchSize = 1000);
