namespace Mnemo.Core.Coordination;

/// <summary>A rule granting an agent a right on every key under a prefix.</summary>
/// <param name="Agent">The agent, or <see cref="AccessRules.EveryAgent"/> for every agent (including one that gave no name).</param>
/// <param name="Prefix">The key prefix ("" for the whole store).</param>
/// <param name="Right">The right granted (each right includes the lesser ones).</param>
/// <param name="GrantedBy">The agent that granted it, when known.</param>
/// <param name="GrantedAt">When it was granted.</param>
public sealed record AccessRule(string Agent, string Prefix, AccessRight Right, string? GrantedBy, DateTimeOffset GrantedAt);
