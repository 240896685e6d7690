namespace Mnemo.Core.Monitoring.SelfTest;

/// <summary>One real operation of a self-test and whether it did what it should.</summary>
/// <param name="Name">What was checked, e.g. "get returns what was stored".</param>
/// <param name="Passed">True when the operation's result was the expected one.</param>
/// <param name="Detail">What was observed: the figures on success, the difference or the error on failure.</param>
/// <param name="Milliseconds">How long the operation took.</param>
public sealed record OperationCheck(string Name, bool Passed, string Detail, double Milliseconds);
