
namespace Mnemo.Core.Graph;

/// <summary>
/// Keeps a <see cref="GraphIndex"/> of one namespace current with the store, for one caller at a time: the first use reads
/// the namespace's entries once; every later use first asks the store's change sequence what was committed since (by
/// any engine in any process) and re-reads just those keys. When nothing was committed that costs no query at all.
/// </summary>
internal sealed class GraphFollower
{
    // Changes read per query while catching up; a batch touching no key of the graph costs only the reading.
    private const int ChangesPerRead = 10_000;
    private const int ListPage = 1000;

    private readonly MnemoEngine _engine;
    private readonly string _root;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GraphIndex? _index;
    private long _seenThrough;

    /// <param name="engine">The engine whose store holds the graph.</param>
    /// <param name="root">The graph's namespace, ending in '/'.</param>
    public GraphFollower(MnemoEngine engine, string root)
    {
        _engine = engine;
        _root = root;
    }

    /// <summary>
    /// Waits for the view, brings it up to the latest change and hands it over until the lease is disposed; no one else
    /// changes or reads it meanwhile.
    /// </summary>
    public async Task<Lease> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new Lease(this, await CatchUpAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    private async Task<GraphIndex> CatchUpAsync(CancellationToken cancellationToken)
    {
        _index ??= await LoadAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var batch = await _engine.ReadChangesAsync(_seenThrough, ChangesPerRead, cancellationToken).ConfigureAwait(false);
            if (batch.Changes.Count == 0)
            {
                return _index;
            }

            if (batch.Changes.Any(change => change.Change == ChangeKind.Restore))
            {
                // The whole store was replaced by a backup: nothing of the view can be trusted.
                _index = await LoadAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var keys = batch.Changes.Select(change => change.Key).Where(_index.Covers).Distinct(StringComparer.Ordinal).ToList();
            if (keys.Count > 0)
            {
                // The current state of each changed key, whatever happened to it in between: applying it is the same
                // whether the key changed once or many times, and whether a later batch reports it again.
                var current = (await _engine.GetStoredAsync(keys, cancellationToken).ConfigureAwait(false))
                    .ToDictionary(entry => entry.Key, StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    _index.Apply(key, current.GetValueOrDefault(key));
                }
            }

            _seenThrough = batch.LastSequence;
            if (batch.Changes.Count < ChangesPerRead)
            {
                return _index;
            }
        }
    }

    /// <summary>Reads every entry of the graph into a new view, and notes the sequence it is current from.</summary>
    private async Task<GraphIndex> LoadAsync(CancellationToken cancellationToken)
    {
        // The head is taken first: what is committed while the entries are listed comes again as changes after it.
        var head = await _engine.GetFeedHeadAsync(cancellationToken).ConfigureAwait(false);
        var index = new GraphIndex(_root);
        foreach (var prefix in (string[])[GraphKeys.EntitiesPrefix(_root), GraphKeys.RelationsPrefix(_root)])
        {
            string? after = null;
            do
            {
                var page = await _engine.ListStoredAsync(prefix, after, ListPage, cancellationToken).ConfigureAwait(false);
                foreach (var entry in page.Entries)
                {
                    index.Apply(entry.Key, entry);
                }

                after = page.NextAfter;
            }
            while (after is not null);
        }

        _seenThrough = head;
        return index;
    }

    /// <summary>The view, current as of <see cref="EnterAsync"/>, for as long as it is not disposed.</summary>
    internal readonly struct Lease(GraphFollower owner, GraphIndex index) : IDisposable
    {
        public GraphIndex Index => index;

        public void Dispose() => owner._gate.Release();
    }
}
