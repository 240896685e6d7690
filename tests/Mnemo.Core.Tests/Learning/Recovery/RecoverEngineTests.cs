using System.Text.Json;
using Mnemo.Core.Learning;
using Mnemo.Core.Learning.Recovery;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Learning.Recovery;

[Trait("Issue", "18")]
public sealed class RecoverEngineTests : EngineTestBase
{
    [Fact]
    public async Task RecordError_IsStoredUnderItsClusterAsASearchableEntry()
    {
        var stored = await Engine.RecordErrorAsync(new ErrorRecord
        {
            Message = "connection refused: localhost:5432",
            Context = Json("""{"service":"db","attempt":2}"""),
            Fix = "Start the postgres container",
            Tool = "psql",
        }, Ct);

        var entry = await Engine.GetAsync(stored.Key, Ct);
        var found = await Engine.FullTextSearchAsync("postgres container", new SearchFilter { Prefix = LearningKeys.Errors }, Ct);

        Assert.Equal($"learning/errors/{stored.Cluster}/", stored.Key[..(LearningKeys.Errors.Length + ErrorSignature.ClusterLength + 1)]);
        Assert.Equal("connection refused: localhost:<num>", stored.Signature);
        Assert.Equal(ErrorSignature.ClusterOf(stored.Signature), stored.Cluster);
        Assert.True(stored.Worked);
        Assert.Equal(["attempt=2", "service=db"], stored.Context);
        Assert.Equal("error", entry!.Kind);
        Assert.Contains("connection refused", entry.Text, StringComparison.Ordinal);
        Assert.Contains("Start the postgres container", entry.Text, StringComparison.Ordinal);
        Assert.Equal(stored.Signature, entry.Value!.Value.GetProperty("signature").GetString());
        Assert.Equal(stored.Key, Assert.Single(found).Entry.Key);
    }

    [Theory]
    [InlineData("""{"Message":"  "}""", "the message is empty")]
    [InlineData("""{"Long":"message"}""", "the message is 4,001 characters; at most 4,000")]
    [InlineData("""{"Long":"fix"}""", "the fix is 4,001 characters")]
    [InlineData("""{"Fix":""}""", "the fix is empty")]
    [InlineData("""{"Worked":false}""", "whether the fix worked was given without a fix")]
    [InlineData("""{"Tool":"bad tool"}""", "tool 'bad tool' cannot be used")]
    [InlineData("""{"Context":"[1,2]"}""", "the context must be a JSON object")]
    public async Task RecordError_BadInput_IsRefusedNamingTheValueAndWritesNothing(string change, string expected)
    {
        using var document = JsonDocument.Parse(change);
        var root = document.RootElement;
        var tooLong = new string('x', 4001);
        var record = new ErrorRecord
        {
            Message = root.TryGetProperty("Message", out var message) ? message.GetString()!
                : root.TryGetProperty("Long", out var which) && which.GetString() == "message" ? tooLong : "disk full",
            Fix = root.TryGetProperty("Fix", out var fix) ? fix.GetString()
                : root.TryGetProperty("Long", out var other) && other.GetString() == "fix" ? tooLong : null,
            Worked = root.TryGetProperty("Worked", out var worked) ? worked.GetBoolean() : null,
            Tool = root.TryGetProperty("Tool", out var tool) ? tool.GetString() : null,
            Context = root.TryGetProperty("Context", out var context) ? Json(context.GetString()!) : null,
        };

        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.RecordErrorAsync(record, Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty((await Engine.ListAsync(LearningKeys.Root, cancellationToken: Ct)).Entries);
    }

    [Fact]
    public async Task Recover_SameSignature_ReturnsFixesWithCountsAndRatesMatchingAnIndependentCount()
    {
        // (fix, worked) per occurrence of one error, with its numbers and paths varying; the fixes' wording varies too.
        (string? Fix, bool Worked)[] occurrences =
        [
            ("Raise the timeout.", true), ("raise the   timeout", false), ("Raise the timeout", true),
            ("clear the cache", true), ("clear the cache", true),
            ("restart the worker", false), ("restart the worker", false),
            (null, false),
        ];
        for (var i = 0; i < occurrences.Length; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            var (fix, worked) = occurrences[i];
            await Engine.RecordErrorAsync(new ErrorRecord
            {
                Message = $"timeout after {30 + i} s reading /data/run-{i}/input.csv",
                Fix = fix,
                Worked = fix is null ? null : worked,
                Tool = "loader",
            }, Ct);
        }

        await Engine.RecordErrorAsync(new ErrorRecord { Message = "disk quota exceeded", Fix = "clear the cache" }, Ct);

        var advice = await Engine.RecoverAsync("Timeout after 99 s reading /tmp/x.csv", cancellationToken: Ct);

        Assert.Equal(ErrorMatch.Signature, advice.Match);
        Assert.Null(advice.Score);
        Assert.Equal(8, advice.Occurrences);
        Assert.Equal(1, advice.Unfixed);
        Assert.Equal(RecoveryDefaults.Examples, advice.Examples.Count);
        Assert.Equal("timeout after 37 s reading /data/run-7/input.csv", advice.Examples[0]);
        Assert.Equal(["clear the cache", "raise the timeout", "restart the worker"], advice.Fixes.Select(f => f.Normalized));
        foreach (var fix in advice.Fixes)
        {
            var tried = occurrences.Where(o => o.Fix is not null && Normal(o.Fix) == fix.Normalized).ToList();
            var worked = tried.Count(o => o.Worked);
            Assert.Equal(tried.Count, fix.Tried);
            Assert.Equal(worked, fix.Worked);
            Assert.Equal((1.0 + worked) / (2.0 + tried.Count), fix.SuccessRate, 12);
            Assert.Equal(0.05, IntegerBetaCdf(fix.Low, 1 + worked, 1 + tried.Count - worked), 6);
            Assert.Equal(0.95, IntegerBetaCdf(fix.High, 1 + worked, 1 + tried.Count - worked), 6);
            Assert.Equal(["loader"], fix.Tools);
        }

        Assert.Equal("Raise the timeout", advice.Fixes[1].Fix);
        Assert.Equal(Clock.GetUtcNow() - TimeSpan.FromMinutes(5), advice.Fixes[1].LastUsed);
    }

    [Fact]
    public async Task Recover_Top_KeepsTheBestFixes()
    {
        foreach (var fix in new[] { "a", "b", "b", "c" })
        {
            await Engine.RecordErrorAsync(new ErrorRecord { Message = "out of memory", Fix = fix }, Ct);
        }

        var advice = await Engine.RecoverAsync("Out of memory", top: 1, cancellationToken: Ct);

        Assert.Equal("b", Assert.Single(advice.Fixes).Fix);
        Assert.Equal(4, advice.Occurrences);
    }

    [Fact]
    public async Task Recover_NothingRecorded_SaysSoAndInventsNothing()
    {
        var advice = await Engine.RecoverAsync("segmentation fault (core dumped)", cancellationToken: Ct);

        Assert.Equal(ErrorMatch.None, advice.Match);
        Assert.Null(advice.Cluster);
        Assert.Empty(advice.Fixes);
        Assert.Empty(advice.Examples);
        Assert.Equal(0, advice.Occurrences);
        Assert.StartsWith("no similar error was recorded", advice.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 5, "the error text is empty")]
    [InlineData("x", 0, "top 0 is out of range: ask for 1 to 100")]
    [InlineData("x", 101, "top 101 is out of range")]
    public async Task Recover_BadInput_IsRefusedNamingTheValue(string text, int top, string expected)
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.RecoverAsync(text, top, Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static string Normal(string fix) => string.Join(' ', fix.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');

    // For whole-number parameters the Beta CDF is a binomial tail: I_x(a, b) = Σ_{j=a}^{a+b−1} C(a+b−1, j) x^j (1−x)^(a+b−1−j).
    private static double IntegerBetaCdf(double x, int a, int b)
    {
        var n = a + b - 1;
        var sum = 0.0;
        for (var j = a; j <= n; j++)
        {
            sum += Choose(n, j) * Math.Pow(x, j) * Math.Pow(1 - x, n - j);
        }

        return sum;
    }

    private static double Choose(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
