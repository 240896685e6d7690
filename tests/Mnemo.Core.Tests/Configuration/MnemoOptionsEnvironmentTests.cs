using Mnemo.Core.Embeddings;

namespace Mnemo.Core.Tests.Configuration;

// Every environment here is a dictionary: the process environment is never read or changed.
[Trait("Issue", "14")]
public sealed class MnemoOptionsEnvironmentTests
{
    [Fact]
    public void FromEnvironment_NothingSet_IsTheDefaults()
    {
        var options = MnemoOptions.FromEnvironment(Environment());
        var defaults = new MnemoOptions();

        Assert.Null(options.DatabasePath);
        Assert.Null(options.HomeDirectory);
        Assert.Null(options.Agent);
        Assert.Null(options.Session);
        Assert.Equal(defaults.AgentQuotaBytes, options.AgentQuotaBytes);
        Assert.Equal(defaults.SessionQuotaBytes, options.SessionQuotaBytes);
        Assert.Equal(defaults.FeedRetention, options.FeedRetention);
        Assert.Equal(defaults.MaxEntryBytes, options.MaxEntryBytes);
        Assert.Equal(defaults.MaxImportLineBytes, options.MaxImportLineBytes);
        Assert.Equal(defaults.BusyTimeout, options.BusyTimeout);
        Assert.Null(options.DuplicateThreshold);
        Assert.Equal(defaults.Ranking, options.Ranking);
        Assert.Null(options.EmbedderSettings);
        Assert.Equal("graph/", options.GraphNamespace);
    }

    [Fact]
    public void FromEnvironment_EmptyVariables_AreUnset()
    {
        var names = new[]
        {
            "MNEMO_DB", "MNEMO_HOME", "MNEMO_AGENT", "MNEMO_SESSION", "MNEMO_AGENT_QUOTA", "MNEMO_SESSION_QUOTA", "MNEMO_FEED_RETENTION",
            "MNEMO_MAX_ENTRY_BYTES", "MNEMO_IMPORT_MAX_LINE_BYTES", "MNEMO_BUSY_TIMEOUT", "MNEMO_DUPLICATE_THRESHOLD",
            "MNEMO_SIMILARITY_SCALE", "MNEMO_EMBEDDER", "MNEMO_GRAPH_NAMESPACE",
        };

        var options = MnemoOptions.FromEnvironment(Environment([.. names.Select(name => (name, ""))]));

        Assert.Null(options.DatabasePath);
        Assert.Null(options.Agent);
        Assert.Equal(new MnemoOptions().AgentQuotaBytes, options.AgentQuotaBytes);
        Assert.Null(options.EmbedderSettings);
        Assert.Equal("graph/", options.GraphNamespace);
    }

    [Fact]
    public void FromEnvironment_Paths_AreTheDatabaseAndHome()
    {
        var options = MnemoOptions.FromEnvironment(Environment(("MNEMO_DB", "/data/team.db"), ("MNEMO_HOME", "/data/mnemo")));

        Assert.Equal("/data/team.db", options.DatabasePath);
        Assert.Equal("/data/mnemo", options.HomeDirectory);
    }

    [Fact]
    public void ResolveDatabasePath_HomeOnly_IsMemoryDbInTheHomeWhichMayBeCreated()
    {
        var home = Path.Combine(Path.GetTempPath(), "mnemo-home");

        var (path, isDefault) = MnemoPaths.ResolveDatabasePath(MnemoOptions.FromEnvironment(Environment(("MNEMO_HOME", home))));

        Assert.Equal(Path.Combine(home, "memory.db"), path);
        Assert.True(isDefault);
    }

    [Fact]
    public void ResolveDatabasePath_DatabaseAndHome_TheDatabaseWins()
    {
        var database = Path.Combine(Path.GetTempPath(), "team.db");

        var (path, isDefault) = MnemoPaths.ResolveDatabasePath(
            MnemoOptions.FromEnvironment(Environment(("MNEMO_DB", database), ("MNEMO_HOME", Path.GetTempPath()))));

        Assert.Equal(database, path);
        Assert.False(isDefault);
    }

    [Fact]
    public void FromEnvironment_AgentAndSession_AreTheIdentity()
    {
        var options = MnemoOptions.FromEnvironment(Environment(("MNEMO_AGENT", "planner"), ("MNEMO_SESSION", "s-42")));

        Assert.Equal("planner", options.Agent);
        Assert.Equal("s-42", options.Session);
    }

    [Fact]
    public void FromEnvironment_Quotas_AreSizes()
    {
        var options = MnemoOptions.FromEnvironment(Environment(("MNEMO_AGENT_QUOTA", "2GB"), ("MNEMO_SESSION_QUOTA", "512kb")));

        Assert.Equal(2L << 30, options.AgentQuotaBytes);
        Assert.Equal(512L << 10, options.SessionQuotaBytes);
    }

    [Fact]
    public void FromEnvironment_Durations_AreFeedRetentionAndBusyTimeout()
    {
        var options = MnemoOptions.FromEnvironment(Environment(("MNEMO_FEED_RETENTION", "30d"), ("MNEMO_BUSY_TIMEOUT", "90s")));

        Assert.Equal(TimeSpan.FromDays(30), options.FeedRetention);
        Assert.Equal(TimeSpan.FromSeconds(90), options.BusyTimeout);
    }

    [Fact]
    public void FromEnvironment_EntryAndLineLimits_AreBytes()
    {
        var options = MnemoOptions.FromEnvironment(Environment(("MNEMO_MAX_ENTRY_BYTES", "2097152"), ("MNEMO_IMPORT_MAX_LINE_BYTES", "16MB")));

        Assert.Equal(2 << 20, options.MaxEntryBytes);
        Assert.Equal(16 << 20, options.MaxImportLineBytes);
    }

    [Fact]
    public void FromEnvironment_HugeMaxEntryBytes_IsCappedAtWhatAnEntryCanHold() =>
        Assert.Equal(int.MaxValue, MnemoOptions.FromEnvironment(Environment(("MNEMO_MAX_ENTRY_BYTES", "99999999999"))).MaxEntryBytes);

    [Theory]
    [Trait("Issue", "15")]
    [InlineData("int8", Core.Vectors.VectorQuantization.Int8)]
    [InlineData("INT8", Core.Vectors.VectorQuantization.Int8)]
    [InlineData("float", Core.Vectors.VectorQuantization.None)]
    public void FromEnvironment_VectorStorage_ChoosesTheIndexStorage(string value, Core.Vectors.VectorQuantization expected) =>
        Assert.Equal(expected, MnemoOptions.FromEnvironment(Environment(("MNEMO_VECTOR_STORAGE", value))).VectorStorage);

    [Fact]
    public void FromEnvironment_DuplicateThreshold_IsASimilarity() =>
        Assert.Equal(0.85, MnemoOptions.FromEnvironment(Environment(("MNEMO_DUPLICATE_THRESHOLD", "0.85"))).DuplicateThreshold);

    [Fact]
    public void FromEnvironment_SimilarityScale_SetsTheRankingScale()
    {
        var scale = MnemoOptions.FromEnvironment(Environment(("MNEMO_SIMILARITY_SCALE", "0.2,0.8,0.4"))).Ranking.Similarity!;

        Assert.Equal(0.2, scale.Floor);
        Assert.Equal(0.8, scale.Ceiling);
        Assert.Equal(0.4, scale.VectorShare);
    }

    [Fact]
    public void FromEnvironment_Embedder_IsTheChosenEmbedderWithItsVariables()
    {
        var settings = MnemoOptions.FromEnvironment(Environment(
            ("MNEMO_EMBEDDER", "openai"), ("MNEMO_EMBEDDING_MODEL", "nomic-embed-text"), ("MNEMO_EMBEDDING_ENDPOINT", "http://localhost:11434/v1")))
            .EmbedderSettings!;

        Assert.Equal(EmbedderKind.OpenAi, settings.Kind);
        Assert.Equal("nomic-embed-text", settings.OpenAi!.Model);
        Assert.Equal(new Uri("http://localhost:11434/v1"), settings.OpenAi.Endpoint);
    }

    [Fact]
    public void FromEnvironment_GraphNamespace_IsTheGraphsPrefix() =>
        Assert.Equal("team/graph/", MnemoOptions.FromEnvironment(Environment(("MNEMO_GRAPH_NAMESPACE", "team/graph/"))).GraphNamespace);

    [Fact]
    public void FromEnvironment_KeepsTheFunctionForVariablesReadLater()
    {
        var options = MnemoOptions.FromEnvironment(Environment(("MNEMO_EMBEDDING_API_KEY", "sk-later")));

        Assert.Equal("sk-later", options.Variables("MNEMO_EMBEDDING_API_KEY"));
        Assert.Null(new MnemoOptions().Variables("MNEMO_EMBEDDING_API_KEY"));
    }

    [Fact]
    public void ReadEnvironment_LeavesSettingsNoVariableGives()
    {
        var options = new MnemoOptions { Agent = "given", CacheCapacity = 7 };

        options.ReadEnvironment(Environment(("MNEMO_SESSION", "s-1")));

        Assert.Equal("given", options.Agent);
        Assert.Equal(7, options.CacheCapacity);
        Assert.Equal("s-1", options.Session);
    }

    [Theory]
    [InlineData("MNEMO_AGENT_QUOTA", "lots", "use e.g. 100MB, 512KB or 1GB")]
    [InlineData("MNEMO_AGENT_QUOTA", "0", "use e.g. 100MB, 512KB or 1GB")]
    [InlineData("MNEMO_SESSION_QUOTA", "-5MB", "use e.g. 100MB, 512KB or 1GB")]
    [InlineData("MNEMO_FEED_RETENTION", "a week", "use e.g. 7d")]
    [InlineData("MNEMO_BUSY_TIMEOUT", "30", "use e.g. 30s")]
    [InlineData("MNEMO_MAX_ENTRY_BYTES", "1MB", "use e.g. 2097152")]
    [InlineData("MNEMO_MAX_ENTRY_BYTES", "0", "use e.g. 2097152")]
    [InlineData("MNEMO_IMPORT_MAX_LINE_BYTES", "4GB", "use e.g. 8MB or 16MB")]
    [InlineData("MNEMO_DUPLICATE_THRESHOLD", "1.5", "use e.g. 0.92")]
    [InlineData("MNEMO_DUPLICATE_THRESHOLD", "0", "use e.g. 0.92")]
    [InlineData("MNEMO_SIMILARITY_SCALE", "0.7,0.3", "use e.g. 0.3,0.7,0.5")]
    [InlineData("MNEMO_EMBEDDER", "bert", "use arctic-xs")]
    [InlineData("MNEMO_GRAPH_NAMESPACE", "graph", "use e.g. graph/")]
    [InlineData("MNEMO_VECTOR_STORAGE", "int4", "use float or int8")]
    public void FromEnvironment_BadValue_NamesTheVariableTheValueAndAFix(string variable, string value, string fix)
    {
        var error = Assert.Throws<MnemoException>(() => MnemoOptions.FromEnvironment(Environment((variable, value))));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.StartsWith(variable, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(fix, error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }
}
