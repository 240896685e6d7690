namespace Mnemo.Core.Monitoring.Analysis;

/// <summary>One thing to do about what health and the doctor measured, with the command that does it.</summary>
/// <param name="Source">What it comes from: <c>health:INPUT</c>, <c>leak:SUBJECT</c> or <c>doctor:RULE</c>.</param>
/// <param name="Urgent">True for what made the report a warning or worse; false for advice.</param>
/// <param name="Finding">What was measured, in a sentence.</param>
/// <param name="Action">What to do: a command where one exists.</param>
/// <param name="Strategies">The <c>mnemo optimize</c> strategies that act on it, if any.</param>
public sealed record Recommendation(string Source, bool Urgent, string Finding, string Action, IReadOnlyList<string> Strategies);
