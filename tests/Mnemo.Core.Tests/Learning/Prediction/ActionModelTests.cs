using Mnemo.Core.Learning.Prediction;

namespace Mnemo.Core.Tests.Learning.Prediction;

/// <summary>
/// The model's probabilities against interpolated Witten-Bell worked by hand on a tiny corpus: "a b c" and "a b a".
/// Unigram counts a:3 b:2 c:1 (6 positions, 3 types), so P0 = (c + 3·⅓) / 9 = a 4/9, b 3/9, c 2/9. After "b": c once,
/// a once (2, 2 types): P1(a|b) = (1 + 2·4/9) / 4 = 17/36, P1(c|b) = 13/36, P1(b|b) = 6/36. After "a b": the same
/// followers: P2(a|a b) = (1 + 2·17/36) / 4 = 35/72, P2(c|a b) = 31/72, P2(b|a b) = 6/72.
/// </summary>
[Trait("Issue", "18")]
public sealed class ActionModelTests
{
    private static readonly ActionModel s_model = ActionModel.Train([["a", "b", "c"], ["a", "b", "a"]], maxOrder: 2);

    [Fact]
    public void Predict_SeenContext_MatchesTheHandComputedWittenBell()
    {
        var prediction = s_model.Predict(["a", "b"], 3);

        Assert.Equal(2, prediction.Order);
        Assert.Equal(["a", "c", "b"], prediction.Next.Select(p => p.Action));
        Assert.Equal(35.0 / 72, prediction.Next[0].Probability, 12);
        Assert.Equal(31.0 / 72, prediction.Next[1].Probability, 12);
        Assert.Equal(6.0 / 72, prediction.Next[2].Probability, 12);
        Assert.Equal(1.0, prediction.Next.Sum(p => p.Probability), 12);
    }

    [Fact]
    public void Predict_UnseenContext_BacksOffToTheLongestSeenSuffix()
    {
        var prediction = s_model.Predict(["c", "b"], 3);

        Assert.Equal(1, prediction.Order);
        Assert.Equal(["b"], prediction.MatchedContext);
        Assert.Equal(17.0 / 36, s_model.Probability("a", ["c", "b"]), 12);
        Assert.Equal(13.0 / 36, prediction.Next.Single(p => p.Action == "c").Probability, 12);
    }

    [Fact]
    public void Predict_UnknownAction_FallsBackToTheSmoothedUnigram()
    {
        var prediction = s_model.Predict(["never-seen"], 3);

        Assert.Equal(0, prediction.Order);
        Assert.Equal([4.0 / 9, 3.0 / 9, 2.0 / 9], prediction.Next.Select(p => Math.Round(p.Probability, 12)).ToArray(),
            new RoundedComparer());
    }

    [Fact]
    public void Predict_Top_ReturnsTheLikeliestWithProbabilitiesSummingBelowOne()
    {
        var prediction = s_model.Predict(["a", "b"], 2);

        Assert.Equal(2, prediction.Next.Count);
        Assert.True(prediction.Next.Sum(p => p.Probability) < 1);
        Assert.Equal(new ActionModelFacts(2, 6, 3, 2), prediction.Model);
    }

    [Fact]
    public void Predict_LongContext_LooksAtTheLastMaxOrderActionsOnly()
    {
        var prediction = s_model.Predict(["c", "c", "a", "b"], 1);

        Assert.Equal(["a", "b"], prediction.Context);
        Assert.Equal(2, prediction.Order);
    }

    [Fact]
    public void Probability_ActionNeverSeen_IsZero() => Assert.Equal(0, s_model.Probability("z", ["a"]));

    [Fact]
    public void Predict_EmptyModel_PredictsNothing()
    {
        var prediction = ActionModel.Train([]).Predict(["a"], 5);

        Assert.Empty(prediction.Next);
        Assert.Equal(0, prediction.Order);
    }

    [Fact]
    public void Train_OrderOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ActionModel.Train([], ActionModel.MaxOrderLimit + 1));

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
