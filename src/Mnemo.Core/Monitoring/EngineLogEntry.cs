namespace Mnemo.Core.Monitoring;

/// <summary>How much an engine log entry matters.</summary>
public enum EngineLogLevel
{
    /// <summary>Something the engine did that an operator may want to know (an optimisation ran).</summary>
    Information = 0,

    /// <summary>Something went wrong and the engine carried on (a background flush failed, a quota is nearly full).</summary>
    Warning = 1,

    /// <summary>Something failed that the engine could not work around.</summary>
    Error = 2,
}

/// <summary>One entry of the engine's recent log (<see cref="MnemoEngine.GetRecentLog"/>).</summary>
/// <param name="At">When it happened, on the engine's clock.</param>
/// <param name="Level">How much it matters.</param>
/// <param name="Source">What part of the engine logged it, e.g. "read-statistics" or "quota".</param>
/// <param name="Message">What happened, in a sentence.</param>
public sealed record EngineLogEntry(DateTimeOffset At, EngineLogLevel Level, string Source, string Message);
