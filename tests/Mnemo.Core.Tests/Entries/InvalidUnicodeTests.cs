using System.Text.Json;
using Mnemo.Core.Transfer;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Entries;

/// <summary>Text that is not valid Unicode is refused at the door and found by check (issue 13, item 5).</summary>
[Trait("Issue", "13")]
public sealed class InvalidUnicodeTests : EngineTestBase
{
    [Theory]
    [InlineData("value")]
    [InlineData("metadata")]
    public async Task Store_JsonWithAnUnpairedSurrogateEscape_IsRefusedNamingTheField(string field)
    {
        var json = JsonDocument.Parse("""{"a":["ok","\ud800"]}""").RootElement;
        var write = field == "value"
            ? new MemoryWrite { Key = "u/1", Text = "t", Value = json }
            : new MemoryWrite { Key = "u/1", Text = "t", Metadata = json };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Engine.StoreAsync(write, Ct));

        Assert.StartsWith($"{field} is not valid Unicode", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.a[1]", error.Message, StringComparison.Ordinal);
        Assert.Null(await Engine.GetAsync("u/1", Ct));
    }

    [Fact]
    public async Task Store_TextOrTagWithAnUnpairedSurrogate_IsRefused()
    {
        var text = await Assert.ThrowsAsync<ArgumentException>(() =>
            Engine.StoreAsync(new MemoryWrite { Key = "u/1", Text = "broken \ud800 text" }, Ct));
        var tag = await Assert.ThrowsAsync<ArgumentException>(() =>
            Engine.StoreAsync(new MemoryWrite { Key = "u/1", Text = "t", Tags = ["x\udc00"] }, Ct));

        Assert.StartsWith("text is not valid Unicode", text.Message, StringComparison.Ordinal);
        Assert.Contains("\\udc00", tag.Message, StringComparison.Ordinal);
        Assert.Null(await Engine.GetAsync("u/1", Ct));
    }

    [Fact]
    public async Task Store_ValidSurrogatePairs_AreKept()
    {
        var value = JsonDocument.Parse("""{"emoji":"\ud83d\ude00"}""").RootElement;

        await Engine.StoreAsync(new MemoryWrite { Key = "u/ok", Text = "smile \U0001F600", Value = value, Tags = ["\U0001F600"] }, Ct);

        Assert.Equal("smile \U0001F600", (await Engine.GetAsync("u/ok", Ct))!.Text);
    }

    [Theory]
    [InlineData("""{"key":"u/2","text":"bad \ud800"}""", "\"text\"")]
    [InlineData("""{"key":"u/2","text":"t","value":{"a":"\udfff"}}""", "value")]
    [InlineData("""{"key":"u/2","text":"t","metadata":{"a":"\ud800x"}}""", "metadata")]
    [InlineData("""{"key":"u/2","text":"t","tags":["\ud800"]}""", "\"tags\"")]
    [InlineData("""{"key":"u/\ud800","text":"t"}""", "\"key\"")]
    [InlineData("""{"key":"u/2","text":"t","\ud800":1}""", "property name")]
    public async Task Import_LineWithAnUnpairedSurrogateEscape_IsACallerErrorNamingLineAndField(string line, string field)
    {
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"key":"u/1","text":"fine"}""", line], Ct);

        var error = await Assert.ThrowsAsync<MnemoImportException>(() => Engine.ImportAsync(file, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Equal(2, error.Errors[0].Line);
        Assert.Contains(field, error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("not valid Unicode", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Null(await Engine.GetAsync("u/1", Ct));
    }

    [Fact]
    public async Task Import_LineThatIsNotUtf8_IsReportedByLine()
    {
        var file = Temp.File("in.jsonl");
        await File.WriteAllBytesAsync(file, [.. """{"key":"u/1","text":"fine"}"""u8, (byte)'\n', .. """{"key":"u/2","text":"bad """u8, 0xC3, 0x28, .. "\"}\n"u8], Ct);

        var error = await Assert.ThrowsAsync<MnemoImportException>(() => Engine.ImportAsync(file, cancellationToken: Ct));

        Assert.Equal(2, error.Errors[0].Line);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }
}
