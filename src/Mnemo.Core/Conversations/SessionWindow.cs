namespace Mnemo.Core.Conversations;

/// <summary>
/// The sliding window of a session: the turns it keeps in view, at most <see cref="MaxTokens"/> tokens. When a message
/// would overflow it, or comes after the window <see cref="MnemoOptions.WindowExpiry"/> has expired, the window slides:
/// it keeps its latest turns up to <see cref="Overlap"/> tokens (none after expiry), and the turns it drops stay in the
/// store, searchable, with a compaction that records what they said.
/// </summary>
/// <param name="MaxTokens">The most tokens the window holds (the seeds' <c>max_context_length</c>, default 4096).</param>
/// <param name="Overlap">The tokens of latest turns kept when it slides (the seeds' <c>context_overlap</c>, default 128).</param>
/// <remarks>
/// A tool call and its results are never split: they stay or go together, and a message larger than the window alone
/// is still kept whole, as the only turn of its window.
/// </remarks>
public sealed record SessionWindow(int MaxTokens, int Overlap)
{
    /// <summary>The seeds' window: 4096 tokens, 128 kept when it slides.</summary>
    public static SessionWindow Default { get; } = new(4096, 128);

    /// <summary>
    /// This window with the numbers given instead of its own; a size alone too small for this overlap gets an overlap of
    /// a thirty-second of the size.
    /// </summary>
    public SessionWindow With(int? maxTokens, int? overlap)
    {
        var size = maxTokens ?? MaxTokens;
        return new SessionWindow(size, overlap ?? (Overlap < size ? Overlap : size / 32));
    }

    /// <summary>Checks the window's numbers.</summary>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.InvalidInput"/>: the size is not positive, or the overlap is negative or not below the size.
    /// </exception>
    public SessionWindow Validate() => MaxTokens >= 1 && Overlap >= 0 && Overlap < MaxTokens ? this : throw Errors.MnemoErrors.BadWindow(MaxTokens, Overlap);
}
