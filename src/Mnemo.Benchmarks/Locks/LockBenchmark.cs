using System.Diagnostics;
using System.Globalization;
using Mnemo.Core;

namespace Mnemo.Benchmarks.Locks;

/// <summary>
/// Runs <c>mnemo bench locks</c>: starts real worker processes of this same executable on one database, lets them
/// contend for one exclusive lock together, and gathers what they measured.
/// </summary>
/// <remarks>
/// Processes, not threads: the lock's job is to exclude other processes, each with its own engine, cache and
/// connections, and only real processes show what its round trips through the database cost.
/// </remarks>
internal sealed class LockBenchmark(LockBenchmarkOptions options, MnemoCommandLine mnemo)
{
    private const string DatabaseName = "locks.db";

    /// <summary>Runs the workers to their end and reads the counter they incremented.</summary>
    public async Task<LockBenchmarkResult> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var database = Path.Combine(options.Directory, DatabaseName);

        // The schema is created here, once, rather than by the first of many workers opening an empty file together.
        var setup = await OpenAsync(database, cancellationToken).ConfigureAwait(false);
        await setup.DisposeAsync().ConfigureAwait(false);

        var workers = new List<(Process Process, Task<string> Errors)>();
        try
        {
            for (var i = 0; i < options.Agents; i++)
            {
                var process = Start(database, $"bench-locks-{i}");
                workers.Add((process, process.StandardError.ReadToEndAsync(cancellationToken)));
            }

            foreach (var (process, errors) in workers)
            {
                var line = await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line != LockWorker.ReadyLine)
                {
                    await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                    throw new LockBenchmarkException($"worker {process.Id} did not start (exit code {process.ExitCode}): {await errors.ConfigureAwait(false)}");
                }
            }

            progress($"{options.Agents} workers ready; contending for '{LockBenchmarkOptions.Resource}'");
            foreach (var (process, _) in workers)
            {
                await process.StandardInput.WriteLineAsync(LockWorker.GoLine).ConfigureAwait(false);
                await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
                process.StandardInput.Close();
            }

            var reports = new List<LockWorkerReport>();
            foreach (var (process, errors) in workers)
            {
                var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                var lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
                if (process.ExitCode != 0 || lastLine is null)
                {
                    throw new LockBenchmarkException($"worker {process.Id} failed (exit code {process.ExitCode}): {(await errors.ConfigureAwait(false)).Trim()}");
                }

                reports.Add(LockWorkerReport.Parse(lastLine));
            }

            return new LockBenchmarkResult(options, reports, await ReadCounterAsync(database, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            foreach (var (process, _) in workers)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }
        }
    }

    private static Task<MnemoEngine> OpenAsync(string database, CancellationToken cancellationToken) =>
        MnemoEngine.OpenAsync(new MnemoOptions().UseSqlite(database), cancellationToken);

    private static async Task<long> ReadCounterAsync(string database, CancellationToken cancellationToken)
    {
        var engine = await OpenAsync(database, cancellationToken).ConfigureAwait(false);
        await using (engine.ConfigureAwait(false))
        {
            var counter = await engine.GetAsync(LockBenchmarkOptions.CounterKey, cancellationToken).ConfigureAwait(false);
            return counter is null ? 0 : long.Parse(counter.Text, CultureInfo.InvariantCulture);
        }
    }

    private Process Start(string database, string agent)
    {
        var info = new ProcessStartInfo(mnemo.Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in mnemo.Prefix)
        {
            info.ArgumentList.Add(arg);
        }

        string[] args =
        [
            "bench", "locks", "--worker", "--db", database, "--agent", agent,
            "--lease", $"{options.Lease.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s",
            .. options.Iterations is { } iterations
                ? new[] { "--iterations", iterations.ToString(CultureInfo.InvariantCulture) }
                : ["--seconds", options.Duration!.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture)],
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The worker's agent and database come from its arguments only.
        info.Environment.Remove("MNEMO_AGENT");
        info.Environment.Remove("MNEMO_DB");
        return Process.Start(info) ?? throw new LockBenchmarkException($"could not start '{mnemo.Command}' for a worker");
    }
}
