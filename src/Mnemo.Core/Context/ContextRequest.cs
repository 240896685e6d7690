namespace Mnemo.Core.Context;

/// <summary>What <see cref="MnemoEngine.AssembleContextAsync"/> is asked for: the context of one prompt within a token budget.</summary>
public sealed record ContextRequest
{
    /// <summary>The default <see cref="Budget"/>, in tokens.</summary>
    public const int DefaultBudget = 2000;

    /// <summary>The default <see cref="RecentShare"/>.</summary>
    public const double DefaultRecentShare = 0.4;

    /// <summary>The default <see cref="MaxMemories"/>.</summary>
    public const int DefaultMaxMemories = 20;

    /// <summary>The prompt the context is for: the memories are the ones that best match it.</summary>
    public required string Prompt { get; init; }

    /// <summary>The session whose recent turns and state join the context, or null for memories and pinned entries alone.</summary>
    public string? Session { get; init; }

    /// <summary>The most tokens the whole context may have, counted with <see cref="Tokenizer"/>.</summary>
    public int Budget { get; init; } = DefaultBudget;

    /// <summary>
    /// The tokenizer that counts the budget (a name of <see cref="Tokens.TokenCounters"/>); null for the session's own
    /// tokenizer, or <see cref="Tokens.TokenCounters.DefaultName"/> without a session.
    /// </summary>
    public string? Tokenizer { get; init; }

    /// <summary>
    /// Keys of entries that must be in the context, besides the entries under <c>pinned/</c> and the session's
    /// <c>sessions/ID/pinned/</c>.
    /// </summary>
    public IReadOnlyList<string> Pinned { get; init; } = [];

    /// <summary>The saved state to include, or null for the state named like the session (when there is one).</summary>
    public string? State { get; init; }

    /// <summary>Where memories are searched: a key prefix ("" for every readable entry).</summary>
    public string Prefix { get; init; } = "";

    /// <summary>The most memories considered (the best hybrid-search hits for the prompt).</summary>
    public int MaxMemories { get; init; } = DefaultMaxMemories;

    /// <summary>
    /// The share of the budget left after pinned entries and state that is kept for recent turns before memories take
    /// the rest (0..1); whatever either part does not use goes to the other.
    /// </summary>
    public double RecentShare { get; init; } = DefaultRecentShare;
}
