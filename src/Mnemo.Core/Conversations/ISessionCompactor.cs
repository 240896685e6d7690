using Mnemo.Core.Tokens;

namespace Mnemo.Core.Conversations;

/// <summary>
/// Writes what the turns a session's window drops said, in at most a given number of tokens: the compaction stored
/// with the session (<c>sessions/ID/compactions/N</c>), searchable like every entry.
/// </summary>
/// <remarks>
/// The default, <see cref="ExtractiveCompactor"/>, needs no model and is deterministic. A summariser that calls a
/// language model plugs in here (<see cref="MnemoOptions.Compactor"/>); what it returns beyond the budget is cut at
/// sentence boundaries.
/// </remarks>
public interface ISessionCompactor
{
    /// <summary>Its name, recorded with each compaction it writes.</summary>
    string Name { get; }

    /// <summary>What <paramref name="dropped"/> said, in at most <paramref name="maxTokens"/> tokens by <paramref name="counter"/>.</summary>
    ValueTask<string> CompactAsync(IReadOnlyList<SessionMessage> dropped, ITokenCounter counter, int maxTokens, CancellationToken cancellationToken);
}
