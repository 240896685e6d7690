using System.Text;

namespace Mnemo.Cli.Tests;

/// <summary>
/// Random and hostile keys, texts, JSON values, options and import lines through the CLI, bounded in count: every
/// command must end with exit code 0, 1 or 2 and never with an internal error, and afterwards the store must pass
/// <c>check</c> and survive <c>export</c> then <c>import</c> into a new store unchanged.
/// </summary>
[Trait("Issue", "13")]
public sealed class HostileInputFuzzTests : IDisposable
{
    private const int Commands = 160;

    private static readonly string[] s_hostileKeys =
    [
        "", "/", "a//b", "../etc/passwd", "a/", "/a", " lead", "trail ", "a b", "a\nb", "a\rb", "a\u0000b", "a\tb", "\u001b[31mred",
        "\ud800", "a/\udc00", "ключ/значение", "emoji/😀", "rtl/\u202e", "%s%n%x", "'; DROP TABLE entries;--", "*", "fuzz/*", "fuzz/?",
        new string('k', 2000), "fuzz/" + new string('é', 300), "\ufeffbom", "a/./b", "a/../b", "CON", "nul/x",
    ];

    private static readonly string[] s_hostileTexts =
    [
        "", " ", "\u0000", "\ud800", "half \udbff pair", "\u001b[2J", "line\nbreak", "😀 emoji", "\u202eevil", new string('x', 70_000),
        "NULL", "{\"json\":true}", "'\"`", "\\u0000", "tab\tand\rreturn",
    ];

    private static readonly string[] s_hostileJson =
    [
        "{}", "[]", "null", "1e400", "-0", "\"\\ud800\"", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\\ud800\"}", "{\"a\":", "not json", "NaN",
        "{\"a\":1,\"a\":2}", new string('[', 300) + new string(']', 300), new string('[', 5000) + new string(']', 5000), "\"\u0000\"",
        "{\"big\":123456789012345678901234567890}", "[1,2,3]", "{\"x\":\"\\u0000\"}", "{\"ok\":\"yes\"}",
    ];

    private static readonly string[] s_hostileNumbers = ["0,5", "0.5", "-1", "2", "NaN", "Infinity", "1e309", "", "0x10", "٣"];

    private static readonly string[] s_hostileDurations = ["0s", "-1h", "99999999d", "abc", "1.5h", "", "1e9s", "30m", "P1D"];

    private static readonly string[] s_hostileVersions =
    [
        "1", "0", "-1", "9223372036854775807", "9223372036854775808", "1.5", "\"3\"", "null", "1e30", "4611686018427387904", "2",
    ];

    private readonly CliHarness _cli = new();
    private Random _random = new(0);

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(1313)]
    [InlineData(7)]
    [InlineData(2026)]
    public async Task HostileInput_NeverCrashes_AndLeavesAStoreThatChecksAndRoundTrips(int seed)
    {
        _random = new Random(seed);

        // A few ordinary entries first, so that reads and searches have something to find.
        for (var i = 0; i < 5; i++)
        {
            await AssertHandledAsync(["store", $"fuzz/seed-{i}", $"an ordinary memory number {i}", "--on-duplicate", "allow"]);
        }

        for (var i = 0; i < Commands; i++)
        {
            await AssertHandledAsync(await NextCommandAsync(i));
        }

        var check = await _cli.RunAsync("check", "--json");
        Assert.True(check.ExitCode == 0, $"check after the fuzz run: {check}");

        var exported = _cli.Temp.File("fuzz-export.jsonl");
        var export = await _cli.RunAsync("export", exported);
        Assert.True(export.ExitCode == 0, $"export after the fuzz run: {export}");
        var copy = _cli.Temp.File("fuzz-copy.db");
        var import = await CliHarness.RunRawAsync("import", exported, "--db", copy);
        Assert.True(import.ExitCode == 0, $"import of the export into a new store: {import}");
        var reexported = _cli.Temp.File("fuzz-reexport.jsonl");
        var reexport = await CliHarness.RunRawAsync("export", reexported, "--db", copy);
        Assert.True(reexport.ExitCode == 0, $"export of the copy: {reexport}");

        Assert.Equal(
            (await File.ReadAllLinesAsync(exported, TestContext.Current.CancellationToken)).Order(StringComparer.Ordinal),
            (await File.ReadAllLinesAsync(reexported, TestContext.Current.CancellationToken)).Order(StringComparer.Ordinal));
    }

    private async Task AssertHandledAsync(string[] args)
    {
        var result = await _cli.RunAsync(args);
        var shown = string.Join(' ', args.Select(a => a.Length > 60 ? a[..60] + "..." : a));
        Assert.True(result.ExitCode is 0 or 1 or 2, $"exit {result.ExitCode} from: mnemo {shown}\n{result.Error}");
        Assert.False(result.Error.Contains("internal error", StringComparison.Ordinal), $"mnemo {shown}\n{result.Error}");
    }

    private async Task<string[]> NextCommandAsync(int index)
    {
        var key = _random.Next(3) == 0 ? Pick(s_hostileKeys) : $"fuzz/k{_random.Next(12)}";
        switch (_random.Next(10))
        {
            case 0 or 1 or 2:
                return Store(key);
            case 3:
                return ["get", key, "--json"];
            case 4:
                return ["history", key, "--json"];
            case 5:
                return ["list", "--json", "--namespace", _random.Next(2) == 0 ? "fuzz" : Pick(s_hostileKeys)];
            case 6:
                return ["search", Pick(s_hostileTexts) is { Length: > 0 and < 200 } query ? query : "memory", "--json", "--mode", "text"];
            case 7:
                return ["forget", key];
            default:
                var file = _cli.Temp.File($"fuzz-{index}.jsonl");
                await File.WriteAllTextAsync(file, ImportFile(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: _random.Next(2) == 0), TestContext.Current.CancellationToken);
                return ["import", file];
        }
    }

    private string[] Store(string key)
    {
        var args = new List<string> { "store", key, Pick(s_hostileTexts), "--on-duplicate", "allow" };
        if (_random.Next(3) == 0)
        {
            args.AddRange(["--value", Pick(s_hostileJson)]);
        }

        if (_random.Next(3) == 0)
        {
            args.AddRange(["--metadata", Pick(s_hostileJson)]);
        }

        if (_random.Next(4) == 0)
        {
            args.AddRange(["--tags", Pick(s_hostileTexts) is { Length: < 500 } tags ? tags + ",x" : "a,,b"]);
        }

        if (_random.Next(4) == 0)
        {
            args.AddRange(["--importance", Pick(s_hostileNumbers)]);
        }

        if (_random.Next(5) == 0)
        {
            args.AddRange(["--ttl", Pick(s_hostileDurations)]);
        }

        if (_random.Next(5) == 0)
        {
            args.AddRange(["--kind", Pick(s_hostileKeys)]);
        }

        return [.. args];
    }

    /// <summary>An import file of a few lines, each either well formed or broken in one random way.</summary>
    private string ImportFile()
    {
        var lines = new StringBuilder();
        for (var i = _random.Next(1, 5); i > 0; i--)
        {
            var key = _random.Next(3) == 0 ? Pick(s_hostileKeys) : $"fuzz/imported-{_random.Next(8)}";
            var line = _random.Next(8) switch
            {
                0 => $"{{\"key\":{Quote(key)},\"text\":{Quote(Pick(s_hostileTexts))},\"version\":{Pick(s_hostileVersions)}}}",
                1 => $"{{\"key\":{Quote(key)},\"text\":\"x\",\"value\":{Pick(s_hostileJson)}}}",
                2 => $"{{\"key\":{Quote(key)},\"text\":\"x\",\"metadata\":{Pick(s_hostileJson)},\"agent\":{Quote(Pick(s_hostileKeys))}}}",
                3 => $"{{\"key\":{Quote(key)},\"text\":\"\\ud800 lone\",\"tags\":[{Quote(Pick(s_hostileTexts))}]}}",
                4 => Pick(s_hostileJson),
                5 => $"{{\"key\":{Quote(key)},\"text\":\"x\",\"importance\":{(Pick(s_hostileNumbers) is { Length: > 0 } n ? n : "0")},\"created_at\":\"yesterday\"}}",
                6 => "",
                _ => $"{{\"key\":{Quote(key)},\"text\":{Quote(Pick(s_hostileTexts))}}}",
            };
            lines.Append(line).Append('\n');
        }

        return lines.ToString();
    }

    /// <summary>A JSON string literal, escaping with \u so that lone surrogates reach the parser as written.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c is '"' or '\\' || c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return quoted.Append('"').ToString();
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
