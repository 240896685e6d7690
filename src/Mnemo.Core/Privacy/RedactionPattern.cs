namespace Mnemo.Core.Privacy;

/// <summary>A user's own kind of sensitive data: a regular expression and the kind name its matches are redacted as.</summary>
/// <remarks>
/// When the pattern has a group named <c>secret</c>, only that group is redacted (as <c>key=(?&lt;secret&gt;\w+)</c> keeps
/// <c>key=</c>); otherwise the whole match is. The pattern runs with <see cref="RedactionOptions.PatternTimeout"/>.
/// </remarks>
/// <param name="Kind">The kind name: 1 to 64 lower-case letters, digits, <c>-</c> or <c>_</c>, starting with a letter or
/// digit; it appears in the replacement <c>[REDACTED:kind]</c>.</param>
/// <param name="Pattern">A .NET regular expression.</param>
public sealed record RedactionPattern(string Kind, string Pattern);
