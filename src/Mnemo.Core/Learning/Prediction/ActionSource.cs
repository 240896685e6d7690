namespace Mnemo.Core.Learning.Prediction;

/// <summary>Where a recorded action came from.</summary>
/// <remarks>Stored by name (<see cref="ActionNames.SourceName"/>): <c>cli</c>, <c>mcp</c>, <c>event</c>.</remarks>
public enum ActionSource
{
    /// <summary>A Mnemo CLI command, recorded by its command path (<c>store</c>, <c>lock acquire</c>).</summary>
    Cli,

    /// <summary>A Mnemo MCP tool call, recorded by the tool's name.</summary>
    Mcp,

    /// <summary>An action an agent logged itself.</summary>
    Event,
}
