namespace Mnemo.Cli.Tests.Faces;

/// <summary>What every face of the comparison runs with, so that only the face differs.</summary>
internal static class FaceSettings
{
    /// <summary>The agent each face acts as (the CLI and the library by MNEMO_AGENT, the MCP server by its settings).</summary>
    public const string Agent = "tester";

    /// <summary>When every face's clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The variables every face reads: the deterministic hashing embedder (the neural model's vectors can differ in their
    /// last digits between processes, and so would scores) and an agent quota small enough for two writes to reach
    /// its warning share (80%).
    /// </summary>
    public static Func<string, string?> Variables(bool withAgent) => name => name switch
    {
        "MNEMO_EMBEDDER" => "builtin-hashing",
        "MNEMO_AGENT_QUOTA" => "640",
        "MNEMO_AGENT" when withAgent => Agent,
        _ => null,
    };
}
