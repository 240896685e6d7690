namespace Mnemo.Core.Learning.Recovery;

/// <summary>A tool, memory or strategy used in tasks similar to the one asked about, with its score.</summary>
/// <param name="Name">The tool name, memory key or strategy.</param>
/// <param name="Score">Σ over the similar outcomes that used it of (search score × reward).</param>
/// <param name="UsedIn">How many similar outcomes used it.</param>
/// <param name="SucceededIn">How many of those succeeded.</param>
public sealed record SuggestedItem(string Name, double Score, int UsedIn, int SucceededIn);
