using System.Text.RegularExpressions;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Configuration;

/// <summary>docs/configuration.md lists every variable the product reads, and only those.</summary>
[Trait("Issue", "14")]
public sealed partial class ConfigurationDocsTests
{
    // Variables read outside MnemoOptions.FromEnvironment: by Mnemo.Embeddings.Onnx, through the same function
    // (MnemoOptions.Variables), and by the CLI for its daemon, which is how a CLI process runs rather than an engine
    // option; their own tests check them.
    private static readonly string[] s_readByOtherPackages =
        ["MNEMO_EMBEDDING_THREADS", "MNEMO_MODEL_DIR", "MNEMO_DAEMON", "MNEMO_DAEMON_DIR", "MNEMO_DAEMON_IDLE"];

    [Fact]
    public void Table_NamesEveryMnemoVariableInTheSources()
    {
        var documented = DocumentedVariables();

        var missing = SourceVariables().Keys.Where(name => !documented.Contains(name)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"add to docs/configuration.md: {string.Join(", ", missing.Select(name => $"{name} ({SourceVariables()[name]})"))}");
    }

    [Fact]
    public void Table_NamesNoVariableTheSourcesDoNotUse()
    {
        var used = SourceVariables();

        var stale = DocumentedVariables().Where(name => !used.ContainsKey(name)).ToList();

        Assert.True(stale.Count == 0, $"remove from docs/configuration.md, no source reads them: {string.Join(", ", stale)}");
    }

    [Fact]
    public void FromEnvironment_AsksForEveryDocumentedVariable()
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        var set = new Dictionary<string, string> { ["MNEMO_EMBEDDER"] = "openai", ["MNEMO_EMBEDDING_MODEL"] = "m" };

        MnemoOptions.FromEnvironment(name =>
        {
            asked.Add(name);
            return set.GetValueOrDefault(name);
        });

        var unasked = DocumentedVariables().Except(s_readByOtherPackages).Where(name => !asked.Contains(name)).ToList();
        Assert.True(unasked.Count == 0, $"FromEnvironment does not read: {string.Join(", ", unasked)}");
    }

    private static HashSet<string> DocumentedVariables()
    {
        var rows = File.ReadAllLines(RepositoryFiles.Path("docs", "configuration.md"))
            .Select(line => TableRow().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(rows);
        return rows;
    }

    /// <summary>Every MNEMO_ name in a source file under src/, with one file that uses it.</summary>
    private static Dictionary<string, string> SourceVariables()
    {
        var root = RepositoryFiles.Root;
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in VariableName().Matches(File.ReadAllText(file)))
            {
                // MNEMO_EMBEDDING_* names a family the table lists one by one.
                if (!match.Value.EndsWith('_'))
                {
                    found.TryAdd(match.Value, Path.GetRelativePath(root, file));
                }
            }
        }

        Assert.NotEmpty(found);
        return found;
    }

    [GeneratedRegex("MNEMO_[A-Z0-9_]+")]
    private static partial Regex VariableName();

    [GeneratedRegex(@"^\| `(?<name>MNEMO_[A-Z0-9_]+)` \|")]
    private static partial Regex TableRow();
}
