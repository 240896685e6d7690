using Mnemo.Core.Errors;
using Mnemo.Core.Retrieval;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>The store's rules of which context (who, when, title) is indexed beside each namespace's texts.</summary>
    public async Task<IndexContextRules> GetIndexContextAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return IndexContextRules.Parse(await ContextSpecAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Sets which context is indexed for keys under <paramref name="prefix"/> (null removes the prefix's rule, so the
    /// nearest shorter prefix's applies). Needs admin on the whole store, since both indexes of every namespace are derived
    /// from the rules: they are rebuilt by the next search (with cached embeddings, texts that did not change are not
    /// embedded again).
    /// </summary>
    /// <returns>The rules now in force.</returns>
    /// <exception cref="ArgumentException">The prefix is not "" or a key prefix ending in '/'.</exception>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.NotFound"/>: a rule to remove does not exist.</exception>
    public async Task<IndexContextRules> SetIndexContextAsync(string prefix, ContextFields? fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ThrowIfDisposed();
        var current = await GetIndexContextAsync(cancellationToken).ConfigureAwait(false);
        if (fields is null && !current.ByPrefix.ContainsKey(prefix))
        {
            throw MnemoErrors.NoIndexContextRule(prefix);
        }

        var rules = current.With(prefix, fields);
        await DemandAsync("", Coordination.AccessRight.Admin, cancellationToken).ConfigureAwait(false);
        await _store.SetSettingAsync(IndexContextRules.Setting, rules.ByPrefix.Count == 0 ? null : rules.Spec, cancellationToken).ConfigureAwait(false);
        return rules;
    }
}
