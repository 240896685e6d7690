using System.Text.Json;

namespace Mnemo.Core.Coordination;

/// <summary>A write kept beside an entry under the manual conflict policy, waiting for <c>mnemo conflicts resolve</c>.</summary>
/// <param name="Id">Its id, to pick it when resolving.</param>
/// <param name="Key">The entry's key.</param>
/// <param name="BaseVersion">The version the writer had read (the entry has moved on since).</param>
/// <param name="Text">The text written.</param>
/// <param name="Value">The value written.</param>
/// <param name="Kind">The kind written.</param>
/// <param name="Tags">The tags written.</param>
/// <param name="Metadata">The metadata written.</param>
/// <param name="Importance">The importance written.</param>
/// <param name="Agent">Who wrote it.</param>
/// <param name="Session">In which session.</param>
/// <param name="CreatedAt">When.</param>
public sealed record Sibling(
    long Id, string Key, long BaseVersion, string Text, JsonElement? Value, string Kind, IReadOnlyList<string> Tags, JsonElement? Metadata,
    double Importance, string? Agent, string? Session, DateTimeOffset CreatedAt);

/// <summary>A conflict policy set on a key prefix.</summary>
/// <param name="Prefix">The prefix; the longest one matching a key applies.</param>
/// <param name="Policy">The policy.</param>
/// <param name="SetBy">The agent that set it.</param>
/// <param name="SetAt">When.</param>
public sealed record ConflictPolicyRule(string Prefix, ConflictPolicy Policy, string? SetBy, DateTimeOffset SetAt);
