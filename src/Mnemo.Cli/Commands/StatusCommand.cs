using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core.Messages;
using Mnemo.Core.Storage;

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
                        StoreJson.WriteStatusFields(writer, s);
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
                await o.WriteLineAsync($"entries:      {s.LiveEntries} live in {Counted.Of(s.Namespaces, "namespace", "namespaces")} "
                    + $"({s.ExpiredEntries} expired awaiting clean, {s.RemovedEntries} removed)").ConfigureAwait(false);
                await o.WriteLineAsync($"history:      {Counted.Of(s.HistoryVersions, "earlier version", "earlier versions")}; "
                    + $"change sequence at {s.LastSequence}").ConfigureAwait(false);
                await o.WriteLineAsync($"content:      {HumanText.Bytes(s.InlinePayloadBytes)} inline; {Counted.Of(s.SharedContents, "large payload", "large payloads")} "
                    + $"({s.CompressedContents} compressed) {HumanText.Bytes(s.SharedContentRawBytes)} -> {HumanText.Bytes(s.SharedContentStoredBytes)} stored")
                    .ConfigureAwait(false);
                await o.WriteLineAsync($"saved:        {HumanText.Bytes(s.CompressionSavedBytes)} by compression, "
                    + $"{HumanText.Bytes(s.DeduplicationSavedBytes)} by storing identical content once ({Counted.Of(s.SharedContentReferences, "reference", "references")})")
                    .ConfigureAwait(false);
                await o.WriteLineAsync($"agent:        {engine.Agent ?? "(none)"}{(engine.Options.Session is { } session ? $", session {session}" : "")}; "
                    + (rules.StoreIsOpen ? "no access rules (open)" : Counted.Of(rules.Rules.Count + rules.Hidden, "access rule", "access rules")) + $"; change feed at {feedHead}").ConfigureAwait(false);
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
