using System.Text.RegularExpressions;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Errors;

/// <summary>
/// Keeps the engine's messages the engine's: every MnemoException message of Core, Sqlite and Onnx is written in a
/// factory (so each is written once), and no message of theirs names a face's flag or command, which MCP and library
/// callers do not have (remedies are MnemoHints, which the faces render).
/// </summary>
[Trait("Issue", "14")]
public sealed partial class ErrorMessageRulesTests
{
    private static readonly string[] s_projects = ["Mnemo.Core", "Mnemo.Sqlite", "Mnemo.Embeddings.Onnx"];

    // The factories, where messages are written.
    private static readonly string[] s_factories =
    [
        "src/Mnemo.Core/Errors/",
        "src/Mnemo.Sqlite/Internal/SqliteErrors.cs",
        "src/Mnemo.Embeddings.Onnx/Internal/ModelErrors.cs",
    ];

    // Parsing of the environment: its messages are about a variable's value, so they name the variable.
    private static readonly string[] s_environmentParsing =
    [
        "src/Mnemo.Core/MnemoOptions.Environment.cs",
        "src/Mnemo.Core/MnemoOptions.Health.cs",
        "src/Mnemo.Core/Embeddings/EmbedderSettings.cs",
    ];

    [Fact]
    public void MnemoExceptions_AreMadeOnlyInTheFactories()
    {
        var outside = Lines()
            .Where(line => !IsUnder(line.File, s_factories) && !IsUnder(line.File, s_environmentParsing) && MakesMnemoException().IsMatch(line.Text))
            .Select(line => line.ToString()).ToList();

        Assert.True(outside.Count == 0, $"make these through MnemoErrors (Core), SqliteErrors or ModelErrors:\n{string.Join("\n", outside)}");
    }

    [Fact]
    public void Messages_NameNoFlagOrCommandOfAFace()
    {
        var faceWords = Lines()
            .Where(line => StringLiterals().Matches(line.Text).Any(literal => FaceWord().IsMatch(literal.Value)))
            .Select(line => line.ToString()).ToList();

        Assert.True(faceWords.Count == 0, $"say the remedy as a MnemoHint instead of naming a flag or command:\n{string.Join("\n", faceWords)}");
    }

    [Fact]
    public void Messages_NameNoEnvironmentVariable_OutsideTheParsingOfTheEnvironment()
    {
        var variables = Lines()
            .Where(line => !IsUnder(line.File, s_environmentParsing) && !Declares().IsMatch(line.Text)
                && StringLiterals().Matches(line.Text).Any(literal => literal.Value.Contains("MNEMO_", StringComparison.Ordinal)))
            .Select(line => line.ToString()).ToList();

        Assert.True(variables.Count == 0, $"say the remedy as a MnemoHint instead of naming a variable:\n{string.Join("\n", variables)}");
    }

    [Theory]
    [InlineData("throw new MnemoException(MnemoErrorCode.NotFound, \"x\");")]
    [InlineData("=> new(MnemoErrorCode.Corrupt, $\"damaged\");")]
    [InlineData("throw new MnemoException(MnemoErrorCode.NotFound, m);")]
    public void TheScan_FindsEachWayOfMakingOne(string line) => Assert.Matches(MakesMnemoException(), line);

    [Theory]
    [InlineData("$\"retry with --expect-version {actual}\"")]
    [InlineData("\"check the key with 'mnemo list'\"")]
    [InlineData("$\"first run `mnemo acl grant {agent}`\"")]
    public void TheScan_FindsEachWayOfNamingAFaceWord(string line) =>
        Assert.Contains(StringLiterals().Matches(line), literal => FaceWord().IsMatch(literal.Value));

    private static IEnumerable<SourceLine> Lines()
    {
        var root = RepositoryFiles.Root;
        foreach (var project in s_projects)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", project), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
                {
                    continue;
                }

                var number = 0;
                foreach (var text in File.ReadLines(file))
                {
                    number++;
                    if (!text.TrimStart().StartsWith("//", StringComparison.Ordinal))
                    {
                        yield return new SourceLine(relative, number, text);
                    }
                }
            }
        }
    }

    private static bool IsUnder(string file, string[] places) => places.Any(place => file.StartsWith(place, StringComparison.Ordinal));

    /// <summary><c>new MnemoException(</c> (qualified or not), or a target-typed <c>new(MnemoErrorCode.X</c>.</summary>
    [GeneratedRegex(@"new\s+(Errors\.)?MnemoException\s*\(|new\s*\(\s*(Errors\.)?MnemoErrorCode\.")]
    private static partial Regex MakesMnemoException();

    /// <summary>A string literal, interpolated or not (one line).</summary>
    [GeneratedRegex(@"\$?@?""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiterals();

    /// <summary>A command-line flag (<c>--db</c>) or a mnemo command in quotes or backticks (<c>'mnemo list'</c>).</summary>
    [GeneratedRegex(@"(?<![\w-])--[a-z]|['`]mnemo [a-z]")]
    private static partial Regex FaceWord();

    /// <summary>A constant declaring a variable's name (<c>const string AgentVariable = "MNEMO_AGENT"</c>).</summary>
    [GeneratedRegex(@"const string \w+Variable = ""MNEMO_[A-Z0-9_]+"";")]
    private static partial Regex Declares();

    private sealed record SourceLine(string File, int Number, string Text)
    {
        public override string ToString() => $"{File}:{Number}: {Text.Trim()}";
    }
}
