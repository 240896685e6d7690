using Mnemo.Core.Learning.Prediction;

namespace Mnemo.Benchmarks.Prediction;

/// <summary>The accuracies of one seed: the share of scored steps whose action was the top prediction, or among the top 3.</summary>
internal sealed record PredictionSeedResult(
    int Seed, int TrainSessions, int TestSessions, int Positions,
    double MnemoTop1, double MnemoTop3, double OptimalTop1, double OptimalTop3, double MostFrequentTop1, double MostFrequentTop3,
    double OptimalExpectedTop1, ActionModelFacts Model);
