using System.Diagnostics;
using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;
using Mnemo.Core.Retrieval;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>The store setting that records the embedder of the store's vectors (see <see cref="EmbedderSettings.Spec"/>).</summary>
    internal const string EmbedderSetting = "embedder";

    // Shared by the owner's views: read and set through _owner.
    private readonly SemaphoreSlim _catalogLock;
    private VectorCatalog? _catalog;
    private IEmbeddingGenerator<string, Embedding<float>>? _embedder;

    /// <summary>
    /// Rebuilds the vector index, with another embedder when given, and makes it the store's: later engines opened
    /// without an explicit <see cref="MnemoOptions.Embedder"/> use it (its endpoint and key still come from
    /// <see cref="MnemoOptions.Variables"/>). Every current entry is embedded again, except texts the store's embedding cache already holds for
    /// that model; the old model's index file is deleted.
    /// </summary>
    /// <param name="settings">The embedder to move to; null rebuilds with the store's own (else the default).</param>
    /// <param name="progress">Told how far through the change log the rebuild is, after each batch.</param>
    /// <param name="cancellationToken">Cancels the rebuild; the store keeps its previous embedder.</param>
    public async Task<ReindexResult> ReindexAsync(
        EmbedderSettings? settings, IProgress<ReindexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        settings ??= await _store.GetSettingAsync(EmbedderSetting, cancellationToken).ConfigureAwait(false) is { } recorded
            ? EmbedderSettings.Parse(recorded, _options.Variables)
            : EmbedderSettings.Default(_options.LocalEmbedders is not null);
        await DemandAsync("", Coordination.AccessRight.Admin, cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var embedder = await settings.CreateAsync(_options.LocalEmbedders, cancellationToken).ConfigureAwait(false);
        var catalog = NewCatalog(embedder, await ContextSpecAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            var report = await LogProgressAsync(progress, cancellationToken).ConfigureAwait(false);
            await catalog.ResetAsync(cancellationToken).ConfigureAwait(false);
            await catalog.CatchUpAsync(_store, report, cancellationToken).ConfigureAwait(false);
            await _store.SetSettingAsync(EmbedderSetting, settings.Spec, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            catalog.Dispose();
            embedder.Dispose();
            throw;
        }

        await _catalogLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_owner._catalog is { } previous)
            {
                previous.Dispose();
                if (previous.FilePath != catalog.FilePath)
                {
                    VectorCatalog.DeleteFiles(previous.FilePath);
                }
            }

            if (_owner._embedder is { } previousEmbedder && !ReferenceEquals(previousEmbedder, _options.Embedder))
            {
                previousEmbedder.Dispose();
            }

            _owner._catalog = catalog;
            _owner._embedder = embedder;
        }
        finally
        {
            _catalogLock.Release();
        }

        return new ReindexResult(settings.Spec, catalog.ModelId, catalog.Dimensions, catalog.Count, catalog.Embedded, catalog.FromCache,
            Stopwatch.GetElapsedTime(started), catalog.FilePath);
    }

    /// <summary>The identifier of the embedding model whose vectors this engine searches (resolved as for a search).</summary>
    public async Task<string> GetEmbeddingModelAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return (await CatalogAsync(cancellationToken).ConfigureAwait(false)).ModelId;
    }

    /// <summary>The embedding a search makes of <paramref name="query"/> with the engine's model (for benchmarks and diagnostics).</summary>
    public async Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfDisposed();
        return await (await CatalogAsync(cancellationToken).ConfigureAwait(false)).EmbedQueryAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings the full-text and vector indexes up to the latest write (searches do this themselves; imports call it so the first search is fast).</summary>
    /// <param name="progress">Told how far through the change log the vector index is, after each batch.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    public async Task CatchUpIndexesAsync(IProgress<ReindexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await _store.CatchUpTextIndexAsync(cancellationToken).ConfigureAwait(false);
        var catalog = await CatalogAsync(cancellationToken).ConfigureAwait(false);
        var report = await LogProgressAsync(progress, cancellationToken).ConfigureAwait(false);
        await catalog.CatchUpAsync(_store, report, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The vector index of the engine's embedder (<see cref="ResolveEmbedderAsync"/>) under the store's current index
    /// context rules; made anew when another process changed the rules.
    /// </summary>
    private async ValueTask<VectorCatalog> CatalogAsync(CancellationToken cancellationToken)
    {
        var context = await ContextSpecAsync(cancellationToken).ConfigureAwait(false);
        if (_owner._catalog is { } ready && ready.ContextSpec == context)
        {
            return ready;
        }

        await _catalogLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_owner._catalog is { } stale && stale.ContextSpec != context)
            {
                stale.Dispose();
                _owner._catalog = null;
            }

            if (_owner._catalog is null)
            {
                _owner._embedder ??= await ResolveEmbedderAsync(cancellationToken).ConfigureAwait(false);
                _owner._catalog = NewCatalog(_owner._embedder, context);
            }

            return _owner._catalog;
        }
        finally
        {
            _catalogLock.Release();
        }
    }

    /// <summary>
    /// <see cref="MnemoOptions.Embedder"/> when set; else the one <see cref="MnemoOptions.EmbedderSettings"/> describes,
    /// which must be the store's recorded one when it has one; else the store's; else the default, which the store then
    /// records, so that every later process embeds with the same model.
    /// </summary>
    private async Task<IEmbeddingGenerator<string, Embedding<float>>> ResolveEmbedderAsync(CancellationToken cancellationToken)
    {
        if (_options.Embedder is { } given)
        {
            return given;
        }

        var recorded = await _store.GetSettingAsync(EmbedderSetting, cancellationToken).ConfigureAwait(false);
        var chosen = _options.EmbedderSettings;
        if (chosen is not null && recorded is not null && !string.Equals(chosen.Spec, recorded, StringComparison.OrdinalIgnoreCase))
        {
            throw Errors.MnemoErrors.EmbeddingModelMismatch(recorded, chosen.Spec);
        }

        var settings = chosen
            ?? (recorded is not null ? EmbedderSettings.Parse(recorded, _options.Variables) : null)
            ?? EmbedderSettings.Default(_options.LocalEmbedders is not null);
        var embedder = await settings.CreateAsync(_options.LocalEmbedders, cancellationToken).ConfigureAwait(false);
        if (recorded is null && !_store.IsReadOnly)
        {
            await _store.SetSettingAsync(EmbedderSetting, settings.Spec, cancellationToken).ConfigureAwait(false);
        }

        return embedder;
    }

    /// <summary>The store's index context rules as stored ("" for the defaults).</summary>
    private async ValueTask<string> ContextSpecAsync(CancellationToken cancellationToken) =>
        await _store.GetSettingAsync(IndexContextRules.Setting, cancellationToken).ConfigureAwait(false) ?? "";

    private VectorCatalog NewCatalog(IEmbeddingGenerator<string, Embedding<float>> embedder, string contextSpec)
    {
        var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();
        var dimensions = metadata?.DefaultModelDimensions
            ?? throw new InvalidOperationException("the embedder does not say its dimensions (EmbeddingGeneratorMetadata.DefaultModelDimensions)");
        return new VectorCatalog(
            embedder, metadata.DefaultModelId ?? "embedder", dimensions, _store.Location, contextSpec, persist: !_store.IsReadOnly, _options.VectorStorage);
    }

    /// <summary>Turns log positions into progress against the store's last change now (null when nobody listens).</summary>
    private async ValueTask<IProgress<long>?> LogProgressAsync(IProgress<ReindexProgress>? progress, CancellationToken cancellationToken)
    {
        if (progress is null)
        {
            return null;
        }

        var total = await _store.GetLastSequenceAsync(cancellationToken).ConfigureAwait(false);
        var rate = new ProgressRate(_clock);
        return new SynchronousProgress<long>(covered => progress.Report(rate.Measure(covered, total)));
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool and may reorder or lag).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
