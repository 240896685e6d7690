using Mnemo.Core.Storage;

namespace Mnemo.Core.Monitoring;

/// <summary>The sizes a store measures of itself (<see cref="IMemoryStore.GetSizesAsync"/>): its files and its namespaces.</summary>
/// <param name="Files">Every file of the store that exists now, measured on the file system (the database, its log and index).</param>
/// <param name="Namespaces">What each namespace prefix holds, in ordinal order of the prefix; prefixes with nothing left out.</param>
/// <param name="MetricSamples">Metric samples kept in the store's history.</param>
public sealed record StoreSizes(IReadOnlyList<StoreFile> Files, IReadOnlyList<NamespaceUsage> Namespaces, long MetricSamples);
