using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mnemo.Core.Learning;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo learn params [get|set|history]</c>.</summary>
internal static partial class LearnCommand
{
    private static Command Params()
    {
        var command = new Command("params", "Print the learning parameters in force with their version (or: get, set, history)");
        command.SetBody(PrintParametersAsync);
        var get = new Command("get", "Print the learning parameters in force with their version");
        get.SetBody(PrintParametersAsync);
        command.Subcommands.Add(get);
        command.Subcommands.Add(Set());
        command.Subcommands.Add(History());
        return command;
    }

    private static async Task<int> PrintParametersAsync(CommandContext context)
    {
        var engine = await context.OpenEngineAsync().ConfigureAwait(false);
        await using (engine.ConfigureAwait(false))
        {
            var stored = await engine.GetLearningParametersAsync(context.CancellationToken).ConfigureAwait(false);
            await PrintAsync(context, stored).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static Command Set()
    {
        var changes = new Argument<string[]>("NAME=VALUE")
        {
            Description = $"Parameters to change, of {string.Join(", ", LearningParameters.Names)}, e.g. exploration=0.5 half_life_days=14",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("set", "Change learning parameters (the others are kept) as a new version; out of range: nothing is written") { changes };
        command.SetBody(async context =>
        {
            var json = Changes(context.Value(changes) ?? []);
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var stored = await engine.SetLearningParametersAsync(json, context.CancellationToken).ConfigureAwait(false);
                await PrintAsync(context, stored).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command History()
    {
        var command = new Command("history", "List every version of the learning parameters, newest first");
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var versions = await engine.GetLearningParametersHistoryAsync(context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => LearningCycleJson.WriteParametersHistory(writer, versions));
                    return ExitCodes.Ok;
                }

                if (versions.Count == 0)
                {
                    await context.Output.WriteLineAsync("the learning parameters were never changed: the defaults are in force").ConfigureAwait(false);
                    return ExitCodes.Ok;
                }

                var table = new Output.TextTable("VERSION", "AT", "AGENT", "VALUES");
                foreach (var version in versions)
                {
                    table.Add(version.Version.ToString(CultureInfo.InvariantCulture), version.At is { } at ? at.ToString("u", CultureInfo.InvariantCulture) : "-",
                        version.Agent ?? "-", Values(version.Parameters));
                }

                table.WriteTo(context.Output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The JSON object of NAME=VALUE pairs; a pair that is not NAME=NUMBER is refused here, names by the engine.</summary>
    private static JsonElement Changes(IReadOnlyList<string> pairs)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var pair in pairs)
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new FormatException($"'{pair}' is not NAME=VALUE: give e.g. exploration=0.5 (names: {string.Join(", ", LearningParameters.Names)})");
                }

                var text = pair[(equals + 1)..];
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    throw new FormatException($"'{pair}': {UserText(text)} is not a number: give e.g. {pair[..equals]}=0.5");
                }

                writer.WriteNumber(pair[..equals], value);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static string UserText(string text) => text.Length == 0 ? "an empty value" : $"'{text}'";

    private static async Task PrintAsync(CommandContext context, StoredLearningParameters stored)
    {
        if (context.Json)
        {
            context.WriteJson(writer => LearningJson.WriteParameters(writer, stored));
            return;
        }

        var origin = stored.Version == 0
            ? "the defaults (never changed)"
            : $"version {stored.Version}, set {stored.At?.ToString("u", CultureInfo.InvariantCulture)} by {stored.Agent ?? "an unnamed agent"}";
        await context.Output.WriteLineAsync($"learning parameters: {origin}").ConfigureAwait(false);
        var table = new Output.TextTable("NAME", "VALUE");
        foreach (var (name, value) in Pairs(stored.Parameters))
        {
            table.Add(name, value);
        }

        table.WriteTo(context.Output);
    }

    private static string Values(LearningParameters parameters) => string.Join(" ", Pairs(parameters).Select(p => $"{p.Name}={p.Value}"));

    /// <summary>The parameters as Core writes them (its names, its order), as NAME and VALUE text.</summary>
    private static List<(string Name, string Value)> Pairs(LearningParameters parameters)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            parameters.WriteProperties(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return [.. document.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetRawText()))];
    }
}
