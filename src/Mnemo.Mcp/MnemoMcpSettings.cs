using Mnemo.Core.Graph;

namespace Mnemo.Mcp;

/// <summary>How <c>mnemo mcp</c> serves a store.</summary>
/// <param name="GraphNamespace">Where the knowledge-graph tools keep entities and relations (default <c>graph/</c>).</param>
/// <param name="Agent">Recorded as the writer of every change made through the server, when given.</param>
public sealed record MnemoMcpSettings(string GraphNamespace = KnowledgeGraph.DefaultRoot, string? Agent = null);
