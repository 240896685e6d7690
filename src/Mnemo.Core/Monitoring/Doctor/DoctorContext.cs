using Mnemo.Core.Storage;

namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>
/// What the doctor's rules read, read once and shared: the store's status and the per-namespace reads figures two rules
/// use. Rules read the rest through <see cref="Store"/> and <see cref="Engine"/>, with bounded queries.
/// </summary>
internal sealed class DoctorContext(MnemoEngine engine, IMemoryStore store, DoctorOptions options, DateTimeOffset now)
{
    private StoreStatus? _status;
    private IReadOnlyList<NamespaceReads>? _reads;

    /// <summary>The engine diagnosed (for its quotas, vector index and files).</summary>
    public MnemoEngine Engine { get; } = engine;

    /// <summary>The engine's store.</summary>
    public IMemoryStore Store { get; } = store;

    /// <summary>The thresholds.</summary>
    public DoctorOptions Options { get; } = options;

    /// <summary>The time every rule judges against (the engine's clock when the diagnosis began).</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>The store's status with the engine's index files, read on first use.</summary>
    public async Task<StoreStatus> StatusAsync(CancellationToken cancellationToken) =>
        _status ??= (await Engine.GetStatusAsync(cancellationToken).ConfigureAwait(false)).Store;

    /// <summary>Per namespace, live entries and those unread for <see cref="DoctorOptions.UnreadFor"/>, read on first use.</summary>
    public async Task<IReadOnlyList<NamespaceReads>> NamespaceReadsAsync(CancellationToken cancellationToken) =>
        _reads ??= await Store.GetNamespaceReadsAsync(Now - Options.UnreadFor, Now, cancellationToken).ConfigureAwait(false);

    /// <summary>The prefix (first key segment) a namespace is reported under.</summary>
    public static string PrefixOf(string @namespace) => NamespaceUsage.PrefixOf(@namespace, 1);
}
