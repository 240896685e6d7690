namespace Mnemo.Mcp.Protocol;

/// <summary>A tool was called with a missing or malformed argument; the message tells the model how to call it right.</summary>
internal sealed class ToolArgumentException(string message) : Exception(message);
