using Mnemo.Core;

namespace Mnemo.Benchmarks.Kv;

/// <summary>The benchmark through Mnemo's engine, as a library user would call it.</summary>
internal sealed class MnemoKvTarget : IKvTarget
{
    private readonly MnemoEngine _engine;

    private MnemoKvTarget(MnemoEngine engine) => _engine = engine;

    public string Name => "mnemo";

    public static async Task<MnemoKvTarget> OpenAsync(string path) =>
        new(await MnemoEngine.OpenAsync(new MnemoOptions().UseSqlite(path)).ConfigureAwait(false));

    public async Task PutBatchAsync(IReadOnlyList<(string Key, string Value)> batch)
    {
        if (batch.Count == 1)
        {
            await _engine.StoreAsync(new MemoryWrite { Key = batch[0].Key, Text = batch[0].Value }).ConfigureAwait(false);
            return;
        }

        var writes = new MemoryWrite[batch.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            writes[i] = new MemoryWrite { Key = batch[i].Key, Text = batch[i].Value };
        }

        await _engine.StoreManyAsync(writes).ConfigureAwait(false);
    }

    public async Task<string?> GetAsync(string key) => (await _engine.GetAsync(key).ConfigureAwait(false))?.Text;


    public Task CompleteWritesAsync() => _engine.CheckpointAsync();

    public ValueTask DisposeAsync() => _engine.DisposeAsync();
}
