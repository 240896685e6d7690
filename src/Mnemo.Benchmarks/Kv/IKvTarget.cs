namespace Mnemo.Benchmarks.Kv;

/// <summary>One side of the key-value benchmark: Mnemo, or SQLite used directly.</summary>
internal interface IKvTarget : IAsyncDisposable
{
    string Name { get; }

    Task PutBatchAsync(IReadOnlyList<(string Key, string Value)> batch);

    Task<string?> GetAsync(string key);

    /// <summary>Finishes the work a write phase left behind (a WAL checkpoint), so it is counted in that phase.</summary>
    Task CompleteWritesAsync();
}
