using Mnemo.Core.Errors;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
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
