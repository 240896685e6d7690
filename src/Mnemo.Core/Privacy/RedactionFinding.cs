namespace Mnemo.Core.Privacy;

/// <summary>How many matches of one kind were redacted. The matched text itself is never kept.</summary>
/// <param name="Kind">The kind name, as in <c>[REDACTED:kind]</c>.</param>
/// <param name="Count">How many matches of that kind were replaced; at least 1.</param>
public sealed record RedactionFinding(string Kind, int Count);
