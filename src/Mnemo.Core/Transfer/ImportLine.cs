namespace Mnemo.Core.Transfer;

/// <summary>One parsed line of a JSONL import: an entry (<see cref="ImportRecord"/>) or a link (<see cref="ImportLink"/>).</summary>
internal abstract record ImportLine;
