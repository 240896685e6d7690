using System.Text.Json;

namespace Mnemo.Core.Coordination;

/// <summary>One event of the durable change feed.</summary>
/// <param name="Sequence">Its position in the feed: strictly increasing in commit order, shared with entry versions.</param>
/// <param name="Type">What happened.</param>
/// <param name="Key">The entry key or lock resource concerned ("" when none).</param>
/// <param name="Agent">The agent that caused it, when known.</param>
/// <param name="At">When it was committed.</param>
/// <param name="Version">For entry events, the version the change produced.</param>
/// <param name="Detail">Event-specific fields as a JSON object (lock token and mode, conflict outcome, share source...).</param>
public sealed record FeedEvent(long Sequence, FeedEventType Type, string Key, string? Agent, DateTimeOffset At, long? Version, JsonElement? Detail);
