namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>A session id that no session has.</summary>
    public static MnemoException UnknownSession(string session) =>
        Fail(MnemoErrorCode.NotFound, $"no session {UserValue.Quote(session)}: start it first, or list the sessions there are");

    /// <summary>A session that was started already.</summary>
    public static MnemoException SessionExists(string session) =>
        Fail(MnemoErrorCode.InvalidInput, $"session {UserValue.Quote(session)} exists already: add messages to it, or start one with another id");

    /// <summary>A message added to an ended session.</summary>
    public static MnemoException SessionEnded(string session, DateTimeOffset ended) =>
        Fail(MnemoErrorCode.InvalidInput, $"session {UserValue.Quote(session)} was ended at {ended:u}: start a new session for new messages");

    /// <summary>A tool result that answers no call of the session.</summary>
    public static MnemoException UnknownToolCall(string session, string toolCallId) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"no assistant message of session {UserValue.Quote(session)} calls tool call {UserValue.Quote(toolCallId)}: add the call first, with the same tool call id");

    /// <summary>A tool message without the call it answers.</summary>
    public static MnemoException ToolResultWithoutCall(string session) =>
        Fail(MnemoErrorCode.InvalidInput, $"a tool message of session {UserValue.Quote(session)} needs the tool call id of the assistant message it answers");
}
