using Mnemo.Core.Monitoring;
using Mnemo.Core.Time;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    public ValueTask<StoreSizes> GetSizesAsync(int prefixDepth, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prefixDepth, 1);
        return new(Read(connection =>
        {
            connection.Execute("BEGIN");
            try
            {
                // The running totals of schema 7, one row per namespace, folded into prefixes here: SQLite has no cheap way
                // to cut a string at its n-th separator.
                var totals = connection.Statement("""
                    SELECT namespace, entries, bytes, versions - current FROM namespace_totals
                    WHERE entries <> 0 OR versions - current <> 0
                    """).All(row => (Namespace: row.Text(0), Entries: row.Long(1), Bytes: row.Long(2), Versions: row.Long(3)));
                var samples = connection.ScalarLong("SELECT count(*) FROM metric_samples");

                var prefixes = new SortedDictionary<string, (long Entries, long Bytes, long Versions)>(StringComparer.Ordinal);
                foreach (var (ns, entries, bytes, versions) in totals)
                {
                    var prefix = NamespaceUsage.PrefixOf(ns, prefixDepth);
                    var sum = prefixes.GetValueOrDefault(prefix);
                    prefixes[prefix] = (sum.Entries + entries, sum.Bytes + bytes, sum.Versions + versions);
                }

                return new StoreSizes(
                    ListFiles(), [.. prefixes.Select(p => new NamespaceUsage(p.Key, p.Value.Entries, p.Value.Bytes, p.Value.Versions))], samples);
            }
            finally
            {
                connection.Execute("COMMIT");
            }
        }));
    }

    /// <inheritdoc />
    public ValueTask<MetricSample> AddMetricSampleAsync(
        MetricSample sample, int keepCount, DateTimeOffset keepSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentOutOfRangeException.ThrowIfLessThan(keepCount, 1);
        return WriteAsync(connection =>
        {
            var id = connection.Statement("""
                INSERT INTO metric_samples (pid, host, agent, at, snapshot) VALUES ($pid, $host, $agent, $at, $snapshot) RETURNING id
                """)
                .Bind("$pid", sample.ProcessId).Bind("$host", sample.Host).Bind("$agent", sample.Agent)
                .Bind("$at", Timestamps.ToUnixMs(sample.At)).Bind("$snapshot", sample.Json).One(row => row.Long(0), 0L);

            // By id, not time: the newest keepCount inserted stay even when processes' clocks disagree.
            connection.Statement("""
                DELETE FROM metric_samples
                WHERE id <> $id AND (at < $since OR id <= (SELECT id FROM metric_samples ORDER BY id DESC LIMIT 1 OFFSET $keep))
                """)
                .Bind("$id", id).Bind("$since", Timestamps.ToUnixMs(keepSince)).Bind("$keep", keepCount).Execute();
            return sample with { Id = id };
        }, cancellationToken, foldOnClose: false);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MetricSample>> GetMetricSamplesAsync(
        DateTimeOffset since, int? processId = null, CancellationToken cancellationToken = default) =>
        new(Read<IReadOnlyList<MetricSample>>(connection => connection.Statement("""
                SELECT id, pid, host, agent, at, snapshot FROM metric_samples
                WHERE at >= $since AND ($pid IS NULL OR pid = $pid)
                ORDER BY at, id
                """)
            .Bind("$since", Timestamps.ToUnixMs(since)).Bind("$pid", (long?)processId)
            .All(row => new MetricSample(
                row.Long(0), row.Int(1), row.Text(2), row.NullableText(3), Timestamps.FromUnixMs(row.Long(4)), row.Text(5)))));
}
