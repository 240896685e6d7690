using System.CommandLine;
using System.Globalization;
using Mnemo.Core.Messages;
using Mnemo.Core.Monitoring.Doctor;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo doctor</c>: checks the memory's content and structure against concrete rules and prints each finding with its
/// evidence and advice. Exits 0 whatever it finds: findings are advice, not failures (<c>mnemo check</c> fails on damage).
/// </summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var rule = new Option<string[]>("--rule")
        {
            Description = $"Run only this rule (repeatable): {string.Join(", ", DoctorRules.Names)}",
            AllowMultipleArgumentsPerToken = false,
        };
        rule.AcceptOnlyFromAmong([.. DoctorRules.Names]);
        var unreadDays = new Option<int>("--unread-days")
        {
            Description = "An entry not read (never read: not written) for this many days counts as unread",
            DefaultValueFactory = _ => 30,
        };
        var command = new Command("doctor",
            "Check the memory's content and structure (expired, unread, near-duplicates, contradicting versions, growth, history depth, "
            + "vector index, WAL, quotas, orphan links) and advise; exits 0 whatever it finds: findings are advice, not failures")
        {
            rule, unreadDays,
        };
        command.SetBody(async context =>
        {
            var days = context.Value(unreadDays);
            if (days < 1)
            {
                throw new ArgumentException($"--unread-days {days} is not positive: give a number of days such as 30");
            }

            var options = new DoctorOptions { Rules = context.Value(rule), UnreadFor = TimeSpan.FromDays(days) };
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var report = await engine.DiagnoseAsync(options, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => DoctorReportJson.Write(writer, report));
                    return ExitCodes.Ok;
                }

                var o = context.Output;
                foreach (var finding in report.Findings)
                {
                    await o.WriteLineAsync($"{DoctorReportJson.Name(finding.Severity).ToUpperInvariant()} {finding.Rule}: {finding.Summary}").ConfigureAwait(false);
                    foreach (var line in finding.Evidence)
                    {
                        await o.WriteLineAsync($"  - {line}").ConfigureAwait(false);
                    }

                    await o.WriteLineAsync($"  advice: {finding.Advice}").ConfigureAwait(false);
                    await o.WriteLineAsync().ConfigureAwait(false);
                }

                var took = report.Took.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
                var rules = Counted.Of(report.RulesRun.Count, "rule", "rules");
                await o.WriteLineAsync(report.Findings.Count == 0
                    ? $"no problems found ({rules} checked in {took} ms)"
                    : $"{Counted.Of(report.Findings.Count, "finding", "findings")} "
                        + $"({string.Join(", ", report.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {DoctorReportJson.Name(g.Key)}"))}) "
                        + $"from {rules} in {took} ms").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
