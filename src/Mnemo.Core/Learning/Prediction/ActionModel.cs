namespace Mnemo.Core.Learning.Prediction;

/// <summary>
/// A variable-order Markov model of action sequences: the probability of the next action given up to
/// <see cref="MaxOrder"/> preceding ones, by interpolated Witten-Bell smoothing with back-off to shorter contexts.
/// </summary>
/// <remarks>
/// <para>
/// For a context <c>h</c> seen <c>c(h)</c> times followed by some action, with <c>T(h)</c> distinct actions after it and
/// <c>c(h, w)</c> times followed by <c>w</c>:
/// <c>P(w | h) = (c(h, w) + T(h) · P(w | h')) / (c(h) + T(h))</c>, where <c>h'</c> is <c>h</c> without its oldest action.
/// The recursion ends at the empty context (the unigram, counted over every position) interpolated with the uniform
/// distribution <c>1 / V</c> over the <c>V</c> distinct actions seen. A context never seen contributes nothing: its
/// probability is its shorter context's (back-off). Every distribution sums to 1 over the actions seen.
/// </para>
/// <para>
/// The order of a prediction is the length of the longest suffix of the given context that was seen as a context.
/// Immutable once trained; thread-safe.
/// </para>
/// </remarks>
public sealed class ActionModel
{
    /// <summary>The default longest context: 3 preceding actions.</summary>
    public const int DefaultMaxOrder = 3;

    /// <summary>The largest <see cref="MaxOrder"/> a model may have.</summary>
    public const int MaxOrderLimit = 8;

    // Joins a context's actions into one dictionary key; action names have no control characters (ActionNames).
    private const char Separator = '\u001f';

    private readonly Dictionary<string, ContextCounts> _contexts;
    private readonly string[] _vocabulary;

    private ActionModel(int maxOrder, Dictionary<string, ContextCounts> contexts, string[] vocabulary, int sequences, long actions)
    {
        MaxOrder = maxOrder;
        _contexts = contexts;
        _vocabulary = vocabulary;
        Sequences = sequences;
        Actions = actions;
    }

    /// <summary>The most preceding actions a prediction looks at.</summary>
    public int MaxOrder { get; }

    /// <summary>The sequences the model was trained on (empty ones excepted).</summary>
    public int Sequences { get; }

    /// <summary>The actions the model was trained on.</summary>
    public long Actions { get; }

    /// <summary>The distinct actions seen, the only ones the model predicts.</summary>
    public int DistinctActions => _vocabulary.Length;

    /// <summary>The distinct actions seen, in ordinal order.</summary>
    public IReadOnlyList<string> Vocabulary => _vocabulary;

    /// <summary>Counts every context of length 0 to <paramref name="maxOrder"/> before every action of every sequence.</summary>
    /// <param name="sequences">Action sequences, each in time order.</param>
    /// <param name="maxOrder">The longest context, 1 to <see cref="MaxOrderLimit"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxOrder"/> is out of range.</exception>
    public static ActionModel Train(IEnumerable<IReadOnlyList<string>> sequences, int maxOrder = DefaultMaxOrder)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOrder, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxOrder, MaxOrderLimit);
        var contexts = new Dictionary<string, ContextCounts>(StringComparer.Ordinal);
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        long actions = 0;
        foreach (var sequence in sequences)
        {
            if (sequence.Count == 0)
            {
                continue;
            }

            count++;
            actions += sequence.Count;
            for (var i = 0; i < sequence.Count; i++)
            {
                vocabulary.Add(sequence[i]);
                for (var order = 0; order <= Math.Min(maxOrder, i); order++)
                {
                    var key = Key(sequence, i - order, order);
                    if (!contexts.TryGetValue(key, out var counts))
                    {
                        contexts[key] = counts = new ContextCounts();
                    }

                    counts.Add(sequence[i]);
                }
            }
        }

        var names = vocabulary.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return new ActionModel(maxOrder, contexts, names, count, actions);
    }

    /// <summary>
    /// The probability that <paramref name="next"/> follows <paramref name="context"/> (its last <see cref="MaxOrder"/>
    /// actions count); 0 for an action never seen, or when the model has seen nothing.
    /// </summary>
    public double Probability(string next, IReadOnlyList<string> context)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(context);
        return _vocabulary.Length == 0 || Array.BinarySearch(_vocabulary, next, StringComparer.Ordinal) < 0
            ? 0
            : Smoothed(next, Suffixes(context));
    }

    /// <summary>
    /// The <paramref name="top"/> likeliest next actions after <paramref name="context"/>, likeliest first (ties in
    /// ordinal order of name), with the order of the longest suffix of the context the model has seen.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is below 1.</exception>
    public ActionPrediction Predict(IReadOnlyList<string> context, int top)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var considered = context.Skip(Math.Max(0, context.Count - MaxOrder)).ToArray();
        var suffixes = Suffixes(considered);
        var next = _vocabulary
            .Select(action => new PredictedAction(action, Smoothed(action, suffixes)))
            .OrderByDescending(p => p.Probability).ThenBy(p => p.Action, StringComparer.Ordinal)
            .Take(top)
            .ToArray();
        return new ActionPrediction(considered, Math.Max(0, suffixes.Count - 1), next, Facts);
    }

    /// <summary>What the model was trained on.</summary>
    public ActionModelFacts Facts => new(Sequences, Actions, DistinctActions, MaxOrder);

    /// <summary>
    /// The counts of the context's suffixes that were seen, shortest (the empty context) first; empty when the model has
    /// seen nothing. Stops at the first unseen suffix: a longer one containing it cannot have been seen either.
    /// </summary>
    private List<ContextCounts> Suffixes(IReadOnlyList<string> context)
    {
        var found = new List<ContextCounts>();
        for (var order = 0; order <= Math.Min(MaxOrder, context.Count); order++)
        {
            if (!_contexts.TryGetValue(Key(context, context.Count - order, order), out var counts))
            {
                break;
            }

            found.Add(counts);
        }

        return found;
    }

    /// <summary>Interpolated Witten-Bell, from the uniform distribution up through each seen suffix.</summary>
    private double Smoothed(string next, List<ContextCounts> suffixes)
    {
        if (_vocabulary.Length == 0)
        {
            return 0;
        }

        var probability = 1.0 / _vocabulary.Length;
        foreach (var counts in suffixes)
        {
            var types = counts.Next.Count;
            probability = (counts.Next.GetValueOrDefault(next) + (types * probability)) / (counts.Total + types);
        }

        return probability;
    }

    private static string Key(IReadOnlyList<string> sequence, int start, int length) => length switch
    {
        0 => "",
        1 => sequence[start],
        _ => string.Join(Separator, Enumerable.Range(start, length).Select(i => sequence[i])),
    };

    /// <summary>How often a context was followed by each action.</summary>
    private sealed class ContextCounts
    {
        public Dictionary<string, int> Next { get; } = new(StringComparer.Ordinal);

        public long Total { get; private set; }

        public void Add(string action)
        {
            Next[action] = Next.GetValueOrDefault(action) + 1;
            Total++;
        }
    }
}
