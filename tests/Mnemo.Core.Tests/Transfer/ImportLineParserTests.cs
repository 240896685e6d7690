using Mnemo.Core.Transfer;

namespace Mnemo.Core.Tests.Transfer;

public sealed class ImportLineParserTests
{
    [Fact]
    public void Parse_MinimalLine_GivesKeyAndText()
    {
        var record = Assert.IsType<ImportRecord>(ImportLineParser.Parse("""{"key":"conv/1/turn-3","text":"the user likes tea"}"""));

        Assert.Equal("conv/1/turn-3", record.Write.Key);
        Assert.Equal("the user likes tea", record.Write.Text);
        Assert.Null(record.Imported.Version);
    }

    [Fact]
    public void Parse_FullLine_CarriesEveryField()
    {
        var record = Assert.IsType<ImportRecord>(ImportLineParser.Parse("""
            {"key":"a/b","text":"t","value":{"x":1},"kind":"episodic","tags":["p","q"],"metadata":{"m":true},"namespace":"a",
             "importance":0.9,"agent":"bot","version":4,"created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-02T00:00:00.000Z",
             "accessed_at":"2026-01-03T00:00:00.000Z","access_count":7,"expires_at":"2027-01-01T00:00:00.000Z","content_hash":"ignored",
             "some_future_field":42}
            """.ReplaceLineEndings(" ")));

        Assert.Equal("episodic", record.Write.Kind);
        Assert.Equal(["p", "q"], record.Write.Tags!);
        Assert.Equal(0.9, record.Write.Importance);
        Assert.Equal(4, record.Imported.Version);
        Assert.Equal(7, record.Imported.AccessCount);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), record.ExpiresAt);
    }

    [Theory]
    [InlineData("""[1,2]""", "JSON object")]
    [InlineData("""{"text":"x"}""", "\"key\" is missing")]
    [InlineData("""{"key":"a/b","text":5}""", "\"text\" must be a string")]
    [InlineData("""{"key":"a/b","text":"x","namespace":"other"}""", "namespace")]
    [InlineData("""{"key":"a/b","text":"x","version":0}""", "versions start at 1")]
    [InlineData("""{"key":"a/b","text":"x","access_count":-1}""", "negative")]
    [InlineData("""{"key":"a/b","text":"x","created_at":"last week"}""", "ISO 8601")]
    [InlineData("""{"key":"a/b","text":"x","tags":[1]}""", "strings only")]
    [InlineData("""{"key":"a b","text":"x"}""", "contains ' '")]
    [InlineData("""{"key":"a/b","text":"x" """, "not valid JSON")]
    public void Parse_BadLine_ThrowsNamingTheField(string line, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ImportLineParser.Parse(line));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LinkLine_GivesALinkWithEveryField()
    {
        var link = Assert.IsType<ImportLink>(ImportLineParser.Parse(
            """{"link":{"from":"a/1","to":"b/2","relation":"Caused_By","weight":0.25,"agent":"bot","created_at":"2026-03-04T05:06:07.089Z","later":1}}"""));

        Assert.Equal(new ImportLink("a/1", "b/2", "caused_by", 0.25, "bot", new DateTimeOffset(2026, 3, 4, 5, 6, 7, 89, TimeSpan.Zero)), link);
    }

    [Fact]
    public void Parse_MinimalLinkLine_DefaultsAsMnemoLinkDoes()
    {
        var link = Assert.IsType<ImportLink>(ImportLineParser.Parse("""{"link":{"from":"a/1","to":"a/2"}}"""));
        var now = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new MemoryLink("a/1", "a/2", "related", 1, "importer", now), link.ToLink("importer", now));
    }

    [Theory]
    [InlineData("""{"link":"a/1 -> a/2"}""", "\"link\" must be an object")]
    [InlineData("""{"link":{"from":"a/1","to":"a/2"},"key":"a/1","text":"x"}""", "both \"link\" and \"key\"")]
    [InlineData("""{"link":{"from":"a/1"}}""", "\"to\" is missing")]
    [InlineData("""{"link":{"from":"a 1","to":"a/2"}}""", "\"from\": key 'a 1' contains ' '")]
    [InlineData("""{"link":{"from":"a/1","to":"a/1"}}""", "to itself")]
    [InlineData("""{"link":{"from":"a/1","to":"a/2","weight":1.5}}""", "outside 0..1")]
    [InlineData("""{"link":{"from":"a/1","to":"a/2","weight":"high"}}""", "\"weight\" must be a number")]
    [InlineData("""{"link":{"from":"a/1","to":"a/2","relation":"is about"}}""", "relation 'is about' is not valid")]
    [InlineData("""{"link":{"from":"a/1","to":"a/2","agent":"a b"}}""", "agent name 'a b' is invalid")]
    [InlineData("""{"link":{"from":"a/1","to":"a/2","created_at":"yesterday"}}""", "ISO 8601")]
    public void Parse_BadLinkLine_ThrowsNamingTheField(string line, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ImportLineParser.Parse(line));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Issue", "13")]
    [InlineData("""{"key":"a/b","text":"\ud800"}""", "\"text\" is not valid Unicode")]
    [InlineData("""{"key":"a/b","text":"x","kind":"\udc00"}""", "\"kind\" is not valid Unicode")]
    [InlineData("""{"key":"a/b","text":"x","tags":["ok","\ud800"]}""", "\"tags\" is not valid Unicode")]
    [InlineData("""{"key":"a/b","text":"x","version":9223372036854775807}""", "above the highest version")]
    [InlineData("""{"key":"a/b","text":"x","version":9007199254740992}""", "above the highest version")]
    public void Parse_InvalidUnicodeOrHugeVersion_ThrowsFormatExceptionNamingTheField(string line, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ImportLineParser.Parse(line));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "13")]
    public void Parse_TheHighestVersion_IsAccepted()
    {
        var record = Assert.IsType<ImportRecord>(ImportLineParser.Parse("""{"key":"a/b","text":"x","version":9007199254740991}"""));

        Assert.Equal(Mnemo.Core.Entries.EntryDefaults.MaxVersion, record.Imported.Version);
    }
}
