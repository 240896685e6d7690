using Mnemo.Core.Storage;

namespace Mnemo.Core.Maintenance;

/// <summary>The store's measured figures plus the engine's own (cache) ones.</summary>
/// <param name="Store">What the store holds and the space it takes.</param>
/// <param name="CachedEntries">Entries in this process's read cache.</param>
/// <param name="CacheCapacity">The cache's capacity.</param>
/// <param name="MaxEntryBytes">The configured entry size limit.</param>
/// <param name="LargeContentBytes">The size from which payloads are shared and compressed.</param>
public sealed record EngineStatus(StoreStatus Store, int CachedEntries, int CacheCapacity, int MaxEntryBytes, int LargeContentBytes);
