using System.CommandLine;
using Mnemo.Cli.Output;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo status</c>: which database, how many entries, how much space, measured now.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show the database in use, its entries and its sizes");
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var status = await engine.GetStatusAsync(context.CancellationToken).ConfigureAwait(false);
                var s = status.Store;
                var quotas = await engine.GetQuotaUsageAsync(context.CancellationToken).ConfigureAwait(false);
                var rules = await engine.ListAccessRulesAsync(context.CancellationToken).ConfigureAwait(false);
                var feedHead = await engine.GetFeedHeadAsync(context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteString("database", s.Location);
                        writer.WriteString("backend", s.Backend);
                        writer.WriteString("backend_version", s.BackendVersion);
                        writer.WriteNumber("schema_version", s.SchemaVersion);
                        writer.WriteNumber("database_bytes", s.DatabaseBytes);
                        writer.WriteNumber("wal_bytes", s.WalBytes);
                        writer.WriteNumber("entries", s.LiveEntries);
                        writer.WriteNumber("expired_entries", s.ExpiredEntries);
                        writer.WriteNumber("removed_entries", s.RemovedEntries);
                        writer.WriteNumber("history_versions", s.HistoryVersions);
                        writer.WriteNumber("namespaces", s.Namespaces);
                        writer.WriteNumber("last_sequence", s.LastSequence);
                        writer.WriteNumber("inline_payload_bytes", s.InlinePayloadBytes);
                        writer.WriteNumber("shared_contents", s.SharedContents);
                        writer.WriteNumber("compressed_contents", s.CompressedContents);
                        writer.WriteNumber("shared_content_raw_bytes", s.SharedContentRawBytes);
                        writer.WriteNumber("shared_content_stored_bytes", s.SharedContentStoredBytes);
                        writer.WriteNumber("shared_content_references", s.SharedContentReferences);
                        writer.WriteNumber("compression_saved_bytes", s.CompressionSavedBytes);
                        writer.WriteNumber("deduplication_saved_bytes", s.DeduplicationSavedBytes);
                        writer.WriteNumber("cache_capacity", status.CacheCapacity);
                        writer.WriteNumber("max_entry_bytes", status.MaxEntryBytes);
                        writer.WriteNumber("large_content_bytes", status.LargeContentBytes);
                        writer.WriteString("agent", engine.Agent);
                        writer.WriteString("session", engine.Options.Session);
                        writer.WriteNumber("access_rules", rules.Rules.Count + rules.Hidden);
                        writer.WriteNumber("feed_sequence", feedHead);
                        writer.WriteStartArray("quotas");
                        foreach (var quota in quotas)
                        {
                            writer.WriteStartObject();
                            writer.WriteString("scope", quota.IsSession ? "session" : "agent");
                            writer.WriteString("name", quota.Name);
                            writer.WriteNumber("bytes", quota.Bytes);
                            writer.WriteNumber("quota_bytes", quota.QuotaBytes);
                            writer.WriteNumber("fraction", Math.Round(quota.Fraction, 4));
                            writer.WriteBoolean("warning", quota.IsWarning);
                            writer.WriteEndObject();
                        }

                        writer.WriteEndArray();
                        writer.WriteEndObject();
                    });
                    return ExitCodes.Ok;
                }

                var o = context.Output;
                await o.WriteLineAsync($"database:     {s.Location} ({s.Backend} {s.BackendVersion}, schema {s.SchemaVersion})").ConfigureAwait(false);
                await o.WriteLineAsync($"size:         {HumanText.Bytes(s.DatabaseBytes)} + {HumanText.Bytes(s.WalBytes)} write-ahead log").ConfigureAwait(false);
                await o.WriteLineAsync($"entries:      {s.LiveEntries} in {s.Namespaces} namespaces ({s.ExpiredEntries} expired awaiting clean, "
                    + $"{s.RemovedEntries} removed)").ConfigureAwait(false);
                await o.WriteLineAsync($"history:      {s.HistoryVersions} earlier versions; change sequence at {s.LastSequence}").ConfigureAwait(false);
                await o.WriteLineAsync($"content:      {HumanText.Bytes(s.InlinePayloadBytes)} inline; {s.SharedContents} large payloads "
                    + $"({s.CompressedContents} compressed) {HumanText.Bytes(s.SharedContentRawBytes)} -> {HumanText.Bytes(s.SharedContentStoredBytes)} stored")
                    .ConfigureAwait(false);
                await o.WriteLineAsync($"saved:        {HumanText.Bytes(s.CompressionSavedBytes)} by compression, "
                    + $"{HumanText.Bytes(s.DeduplicationSavedBytes)} by storing identical content once ({s.SharedContentReferences} references)")
                    .ConfigureAwait(false);
                await o.WriteLineAsync($"agent:        {engine.Agent ?? "(none)"}{(engine.Options.Session is { } session ? $", session {session}" : "")}; "
                    + (rules.StoreIsOpen ? "no access rules (open)" : $"{rules.Rules.Count + rules.Hidden} access rules") + $"; change feed at {feedHead}").ConfigureAwait(false);
                foreach (var quota in quotas)
                {
                    await o.WriteLineAsync($"{(quota.IsWarning ? "quota WARN:" : "quota:"),-13} {(quota.IsSession ? "session" : "agent")} {quota.Name} "
                        + $"{HumanText.Bytes(quota.Bytes)} of {HumanText.Bytes(quota.QuotaBytes)} ({quota.Fraction:P0})").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
