// A writer process for the multi-process tests. Each worker, on the same database as the others:
//  - writes COUNT entries of its own, reading each back at once;
//  - increments every shared counter once per round with optimistic concurrency (read the version, write with
//    --expect-version, retry on conflict), so lost updates would show as missing versions;
//  - appends to a shared log key without any expectation (last write wins, but history must keep every write).
// Exit code 0 when everything it wrote read back correctly; 3 with a message otherwise.
// 'read-twice DB KEY' instead reads a key, waits for a line on stdin, and reads it again (cache coherence).
// 'store-search DB WORKER ROUNDS' stores an entry and then runs a vector search, ROUNDS times, each in a new engine (as
// CLI calls do), so that every search catches the vector index up and persists it while other workers do the same.
// 'hold-lock DB RESOURCE LEASE-SECONDS AGENT' acquires an exclusive lock, prints its token, and holds it until killed
// (a crashed holder).
using System.Globalization;
using Mnemo.Core;

if (args is ["read-twice", var db, var readKey])
{
    // Reads a key, waits for a line on stdin (the test writes from another process meanwhile), reads it again.
    await using var reader = await MnemoEngine.OpenAsync(new MnemoOptions().UseSqlite(db));
    await reader.GetAsync(readKey); // warms the cache and the change detection
    Console.WriteLine((await reader.GetAsync(readKey))?.Text ?? "<none>");
    Console.ReadLine();
    Console.WriteLine((await reader.GetAsync(readKey))?.Text ?? "<none>");
    return 0;
}

if (args is ["hold-lock", var lockDb, var resource, var leaseSeconds, var agent])
{
    await using var holder = await MnemoEngine.OpenAsync(new MnemoOptions { Agent = agent }.UseSqlite(lockDb));
    var lease = await holder.AcquireLockAsync(resource, lease: TimeSpan.FromSeconds(double.Parse(leaseSeconds, CultureInfo.InvariantCulture)));
    Console.WriteLine(lease.Token.ToString(CultureInfo.InvariantCulture));
    Console.ReadLine(); // the test kills the process while it waits here
    return 0;
}

if (args is ["store-search", var searchDb, var searcher, var roundsText])
{
    for (var round = 0; round < int.Parse(roundsText, CultureInfo.InvariantCulture); round++)
    {
        await using var one = await MnemoEngine.OpenAsync(new MnemoOptions().UseSqlite(searchDb));
        await one.StoreAsync(new MemoryWrite { Key = $"catch/w{searcher}/n{round}", Text = $"worker {searcher} note {round} marker{searcher}x{round}" });
        await one.SearchAsync($"marker{searcher}x{round}", new Mnemo.Core.SearchFilter { Mode = Mnemo.Core.SearchMode.Vector, Limit = 5 });
    }

    return 0;
}

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: Mnemo.TestWorker DB WORKER-ID COUNT SHARED-COUNTERS");
    return 1;
}

var (path, worker) = (args[0], args[1]);
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
var counters = int.Parse(args[3], CultureInfo.InvariantCulture);
await using var engine = await MnemoEngine.OpenAsync(new MnemoOptions { Agent = $"worker-{worker}" }.UseSqlite(path));
var conflicts = 0;
for (var i = 0; i < count; i++)
{
    var key = $"workers/w{worker}/item-{i:D4}";
    await engine.StoreAsync(new MemoryWrite { Key = key, Text = $"{worker}:{i}", Tags = ["worker", worker] });
    var back = await engine.GetAsync(key);
    if (back?.Text != $"{worker}:{i}")
    {
        Console.Error.WriteLine($"read back '{back?.Text}' for {key}");
        return 3;
    }

    for (var c = 0; c < counters; c++)
    {
        while (true)
        {
            var current = await engine.GetAsync($"shared/counter-{c}");
            try
            {
                await engine.StoreAsync(new MemoryWrite
                {
                    Key = $"shared/counter-{c}",
                    Text = $"{worker}:{i}",
                    ExpectedVersion = current?.Version ?? 0,
                });
                break;
            }
            catch (MnemoConflictException)
            {
                conflicts++;
            }
        }
    }

    await engine.StoreAsync(new MemoryWrite { Key = "shared/log", Text = $"{worker}:{i}" });
}

Console.WriteLine($"worker {worker}: {count} entries, {conflicts} conflicts retried");
return 0;
