namespace Mnemo.Core.Learning;

/// <summary>One bin of a calibration table: predictions in [<paramref name="Low"/>, <paramref name="High"/>).</summary>
/// <param name="Low">The bin's lowest predicted probability.</param>
/// <param name="High">Its upper end (the last bin includes 1).</param>
/// <param name="Count">The predictions in it.</param>
/// <param name="MeanPredicted">Their mean; null when empty.</param>
/// <param name="ObservedRate">The mean reward of their outcomes; null when empty. Well calibrated: close to <paramref name="MeanPredicted"/>.</param>
public sealed record CalibrationBin(double Low, double High, int Count, double? MeanPredicted, double? ObservedRate);
