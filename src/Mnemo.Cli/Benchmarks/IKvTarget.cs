namespace Mnemo.Cli.Benchmarks;

/// <summary>One side of the key-value benchmark: Mnemo, or SQLite used directly.</summary>
internal interface IKvTarget : IAsyncDisposable
{
    string Name { get; }

    Task PutBatchAsync(IReadOnlyList<(string Key, string Value)> batch);

    Task<string?> GetAsync(string key);
}
