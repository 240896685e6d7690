using Mnemo.Core.Graph;

namespace Mnemo.Mcp;

/// <summary>How <c>mnemo mcp</c> serves a store.</summary>
/// <param name="GraphNamespace">Where the knowledge-graph tools keep entities and relations (default <c>graph/</c>).</param>
/// <param name="Agent">
/// The agent the server acts as, when given: it serves through <c>engine.As(Agent, engine.Session)</c>, so access rules,
/// quotas and the writer recorded on every change are that agent's. Null: the engine's own caller
/// (<see cref="Core.MnemoOptions.Agent"/>).
/// </param>
public sealed record MnemoMcpSettings(string GraphNamespace = KnowledgeGraph.DefaultRoot, string? Agent = null);
