namespace Mnemo.Core.Monitoring.SelfTest;

/// <summary>
/// What <see cref="MnemoEngine.ValidateOperationsAsync"/> found: real writes, reads, searches and removals on a scratch
/// namespace of the store, each checked against what it must return.
/// </summary>
/// <param name="Namespace">The scratch namespace used, forgotten with its history at the end.</param>
/// <param name="Checks">Each check, in the order run.</param>
public sealed record OperationValidation(string Namespace, IReadOnlyList<OperationCheck> Checks)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}
