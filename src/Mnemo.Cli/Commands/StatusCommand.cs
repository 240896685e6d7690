using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;

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
                var report = await StatusReport.ReadAsync(engine, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => StatusReportJson.Write(writer, report, includeLocation: true));
                    return ExitCodes.Ok;
                }

                var s = report.Engine.Store;
                var rules = report.AccessRules;
                var feedHead = report.FeedSequence;
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
                await o.WriteLineAsync($"agent:        {report.Agent ?? "(none)"}{(report.Session is { } session ? $", session {session}" : "")}; "
                    + (rules.StoreIsOpen ? "no access rules (open)" : Counted.Of(rules.Rules.Count + rules.Hidden, "access rule", "access rules")) + $"; change feed at {feedHead}").ConfigureAwait(false);
                foreach (var quota in report.Quotas)
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
