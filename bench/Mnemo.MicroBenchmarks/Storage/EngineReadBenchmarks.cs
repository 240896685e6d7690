using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Mnemo.Core;

namespace Mnemo.MicroBenchmarks.Storage;

/// <summary>A read by key: the engine (cached, and uncached) against a prepared SELECT on a plain SQLite table.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Storage")]
public class EngineReadBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"mnemo-bdn-{Guid.NewGuid():N}");
    private MnemoEngine _cached = null!;
    private MnemoEngine _uncached = null!;
    private SqliteConnection _raw = null!;
    private SqliteCommand _select = null!;
    private string[] _keys = [];
    private int _next;

    [Params(1_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "memory.db");
        _keys = Enumerable.Range(0, Entries).Select(i => $"bench/read/{i:D6}").ToArray();
        _cached = await MnemoEngine.OpenAsync(new MnemoOptions().UseSqlite(path));
        await _cached.StoreManyAsync(_keys.Select(k => new MemoryWrite { Key = k, Text = new string('x', 256) }).ToList());
        _uncached = await MnemoEngine.OpenAsync(new MnemoOptions { CacheCapacity = 0 }.UseSqlite(path));

        _raw = new SqliteConnection($"Data Source={Path.Combine(_directory, "raw.db")};Pooling=False");
        _raw.Open();
        using (var create = _raw.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE kv (key TEXT PRIMARY KEY, value BLOB NOT NULL)";
            create.ExecuteNonQuery();
        }

        foreach (var key in _keys)
        {
            using var insert = _raw.CreateCommand();
            insert.CommandText = "INSERT INTO kv VALUES ($k, $v)";
            insert.Parameters.AddWithValue("$k", key);
            insert.Parameters.AddWithValue("$v", new byte[256]);
            insert.ExecuteNonQuery();
        }

        _select = _raw.CreateCommand();
        _select.CommandText = "SELECT value FROM kv WHERE key = $k";
        _select.Parameters.Add("$k", SqliteType.Text);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _cached.DisposeAsync();
        await _uncached.DisposeAsync();
        _select.Dispose();
        _raw.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public byte[]? RawSqliteSelect()
    {
        _select.Parameters[0].Value = NextKey();
        using var reader = _select.ExecuteReader();
        return reader.Read() ? (byte[])reader[0] : null;
    }

    [Benchmark]
    public async Task<MemoryEntry?> EngineGetCachedAsync() => await _cached.GetAsync(NextKey());

    [Benchmark]
    public async Task<MemoryEntry?> EngineGetUncachedAsync() => await _uncached.GetAsync(NextKey());

    private string NextKey() => _keys[_next++ % _keys.Length];
}
