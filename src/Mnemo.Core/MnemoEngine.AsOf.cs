using Mnemo.Core.Errors;
using Mnemo.Core.Time;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// A point in time as a user writes it: ISO 8601 (UTC unless it carries an offset), or a duration meaning that long
    /// before now on the engine's clock (<see cref="MnemoOptions.TimeProvider"/>), e.g. <c>2h</c>.
    /// </summary>
    /// <exception cref="FormatException">The text is neither; the message shows both forms.</exception>
    public DateTimeOffset ParseTimePoint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Timestamps.ParsePoint(text, Now());
    }

    /// <summary>
    /// The <see cref="MnemoErrorCode.NotFound"/> error for a key that had no entry at <paramref name="asOf"/>, saying why:
    /// the key did not exist yet (and when it was created), had been forgotten, had expired or was removed as unused (and
    /// when), or was never written.
    /// </summary>
    /// <remarks>
    /// For a face to report what <see cref="GetAsOfAsync"/> found nothing for, in the same words everywhere. It reads the
    /// key's history, so it needs the same read right as the read itself.
    /// </remarks>
    public async Task<MnemoException> ExplainMissingAsOfAsync(string key, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        var history = await GetHistoryAsync(key, cancellationToken).ConfigureAwait(false);
        return MnemoErrors.AbsentAsOf(key, asOf, history);
    }
}
