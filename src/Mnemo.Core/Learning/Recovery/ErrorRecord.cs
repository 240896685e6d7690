using System.Text.Json;

namespace Mnemo.Core.Learning.Recovery;

/// <summary>An error an agent met, and what it tried, for <see cref="MnemoEngine.RecordErrorAsync"/>.</summary>
public sealed record ErrorRecord
{
    /// <summary>The error as it was shown, e.g. <c>connection refused: localhost:5432</c>; at most 4,000 characters.</summary>
    public required string Message { get; init; }

    /// <summary>Where it happened, a JSON object such as <c>{"service":"db","attempt":2}</c>; kept with the record.</summary>
    public JsonElement? Context { get; init; }

    /// <summary>What was done about it, e.g. <c>start the database container</c>; null when nothing was tried yet.</summary>
    public string? Fix { get; init; }

    /// <summary>Whether <see cref="Fix"/> made the error go away; left out, true when a fix is given.</summary>
    public bool? Worked { get; init; }

    /// <summary>The tool or command that failed, e.g. <c>psql</c>: the same characters as a task type.</summary>
    public string? Tool { get; init; }
}
