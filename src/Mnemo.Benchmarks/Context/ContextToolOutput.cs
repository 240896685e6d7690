using System.Globalization;
using System.Text;

namespace Mnemo.Benchmarks.Context;

/// <summary>
/// Long tool results for the context set: real tools return logs, listings and JSON of tens of lines, with the one line
/// that matters somewhere among them, so a whole result costs a good share of a context budget.
/// </summary>
/// <remarks>
/// Every generated line is checked against every value of <see cref="ContextFactCatalog"/> and drawn again if it holds
/// one (a timestamp can read like a standup time, a version like a build), so that a marker is found only in the line
/// it was planted in.
/// </remarks>
internal static class ContextToolOutput
{
    /// <summary>The fewest lines of a result.</summary>
    public const int MinLines = 10;

    /// <summary>The most lines of a result.</summary>
    public const int MaxLines = 40;

    private static readonly string[] s_services =
    [
        "auth-service", "search-api", "notifications", "checkout-web", "media-worker", "reports-batch", "profile-api", "gateway",
        "inventory-sync", "email-relay", "pricing-engine", "audit-log",
    ];

    private static readonly string[] s_people =
    [
        "Mina Okafor", "Daniel Reyes", "Priya Natarajan", "Tom Becker", "Lucia Moretti", "Owen Clarke", "Sara Lindgren", "Yusuf Demir",
        "Hana Sato", "Pedro Alves",
    ];

    private static readonly string[] s_levels = ["INFO", "INFO", "INFO", "DEBUG", "WARN"];

    private static readonly string[] s_logEvents =
    [
        "request served in {n} ms", "cache refreshed, {n} keys", "connection pool at {n} of 64", "health probe ok after {n} ms",
        "retrying upstream call, attempt {n}", "flushed {n} metrics to the collector", "scheduled job finished, {n} items",
        "config reloaded, {n} settings changed", "queue depth {n}", "gc pause {n} ms",
    ];

    private static readonly string[] s_statuses = ["open", "in progress", "blocked", "done", "in review"];

    private static readonly string[] s_priorities = ["low", "medium", "high"];

    private static readonly string[] s_vendors = ["Northwind Paper", "Atlas Couriers", "Bright Desk Co", "Cobalt Hosting", "Delta Catering"];

    /// <summary>
    /// A long result of <paramref name="tool"/> with <paramref name="line"/> (the planted value's line, or a chore's
    /// summary) on one random line among 10 to 40.
    /// </summary>
    public static string Result(Random random, string tool, string line)
    {
        var count = random.Next(MinLines, MaxLines + 1);
        var at = random.Next(count);
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            lines.Add(i == at ? line : Clean(random, tool));
        }

        return string.Join('\n', lines);
    }

    // A filler line that holds no catalog value: drawn again until it holds none.
    private static string Clean(Random random, string tool)
    {
        while (true)
        {
            var line = Line(random, tool);
            if (!ContextFactCatalog.All.Any(f => f.Values.Any(v => line.Contains(v, StringComparison.Ordinal))))
            {
                return line;
            }
        }
    }

    private static string Line(Random random, string tool) => tool switch
    {
        "deploy_dashboard" => string.Create(CultureInfo.InvariantCulture,
            $"deploy-dashboard: {Pick(random, s_services)} build {random.Next(1, 12)}.{random.Next(0, 20)}.{random.Next(0, 60)}, deployed {random.Next(1, 30)} days ago, status {(random.Next(6) == 0 ? "degraded" : "healthy")}"),
        "tracker_lookup" => string.Create(CultureInfo.InvariantCulture,
            $"ticket OPS-{random.Next(400, 1000)}: assigned to {Pick(random, s_people)}, status {Pick(random, s_statuses)}, priority {Pick(random, s_priorities)}"),
        "disk_usage" => string.Create(CultureInfo.InvariantCulture,
            $"df /srv/{Pick(random, s_services)}: volume data-{random.Next(2, 40):D2} at {random.Next(5, 100)}% used, {random.Next(1, 500)} GiB free"),
        "invoice_lookup" => string.Create(CultureInfo.InvariantCulture,
            $"{{\"invoice\": \"INV-{random.Next(3000, 9999)}\", \"total\": \"EUR {random.Next(100, 9999)}.{random.Next(0, 100):D2}\", \"due_days\": {random.Next(7, 61)}, \"vendor\": \"{Pick(random, s_vendors)}\"}}"),
        _ => Log(random),
    };

    private static string Log(Random random)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"2026-11-{random.Next(1, 29):D2}T{random.Next(24):D2}:{random.Next(60):D2}:{random.Next(60):D2}Z ");
        text.Append(CultureInfo.InvariantCulture, $"{Pick(random, s_levels)} {Pick(random, s_services)} ");
        text.Append(Pick(random, s_logEvents).Replace("{n}", random.Next(2, 900).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return text.ToString();
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
