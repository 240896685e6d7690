namespace Mnemo.Core.Learning;

/// <summary>The learning parameters in force, with the version of the entry that holds them.</summary>
/// <param name="Parameters">The parameters.</param>
/// <param name="Version">The version of <see cref="LearningKeys.Parameters"/>; 0 while the defaults are in force.</param>
/// <param name="At">When they were set; null for the defaults.</param>
/// <param name="Agent">Who set them, if known.</param>
public sealed record StoredLearningParameters(LearningParameters Parameters, long Version, DateTimeOffset? At, string? Agent);
