namespace Mnemo.Core.Learning.Prediction;

/// <summary>Finds the contiguous action sequences that recur: every run of 2 to a maximum length, counted.</summary>
internal static class WorkflowMiner
{
    /// <summary>The largest pattern length a request may ask for.</summary>
    public const int MaxLengthLimit = 10;

    private const char Separator = '\u001f';

    public static WorkflowPatternReport Mine(IReadOnlyList<ActionSequence> sequences, int minSupport, int maxLength)
    {
        // Every run of 1..maxLength: runs of length n-1 followed by something give a pattern's confidence denominator.
        var runs = new Dictionary<string, Run>(StringComparer.Ordinal);
        for (var s = 0; s < sequences.Count; s++)
        {
            var actions = sequences[s].Actions;
            for (var start = 0; start < actions.Count; start++)
            {
                for (var length = 1; length <= maxLength && start + length <= actions.Count; length++)
                {
                    var key = string.Join(Separator, actions.Skip(start).Take(length));
                    if (!runs.TryGetValue(key, out var run))
                    {
                        runs[key] = run = new Run(length);
                    }

                    run.Count++;
                    if (start + length < actions.Count)
                    {
                        run.Followed++;
                    }

                    if (run.LastSequence != s)
                    {
                        run.LastSequence = s;
                        run.Sequences++;
                        if (sequences[s].Session is { } session)
                        {
                            run.Sessions.Add(session);
                        }
                    }
                }
            }
        }

        var patterns = new List<WorkflowPattern>();
        foreach (var (key, run) in runs)
        {
            if (run.Length < 2 || run.Count < minSupport)
            {
                continue;
            }

            var steps = key.Split(Separator);
            var prefix = runs[string.Join(Separator, steps.Take(steps.Length - 1))];
            var sessions = run.Sessions.ToArray();
            Array.Sort(sessions, StringComparer.Ordinal);
            patterns.Add(new WorkflowPattern(steps, run.Count, run.Sequences, sessions, (double)run.Count / prefix.Followed));
        }

        patterns.Sort((a, b) =>
            b.Support != a.Support ? b.Support.CompareTo(a.Support)
            : b.Steps.Count != a.Steps.Count ? b.Steps.Count.CompareTo(a.Steps.Count)
            : string.CompareOrdinal(string.Join(Separator, a.Steps), string.Join(Separator, b.Steps)));
        var vocabulary = sequences.SelectMany(sequence => sequence.Actions).Distinct(StringComparer.Ordinal).Count();
        return new WorkflowPatternReport(
            patterns, minSupport, maxLength, sequences.Count, sequences.Sum(sequence => (long)sequence.Actions.Count), vocabulary);
    }

    private sealed class Run(int length)
    {
        public int Length { get; } = length;

        public int Count { get; set; }

        public int Followed { get; set; }

        public int Sequences { get; set; }

        public int LastSequence { get; set; } = -1;

        public HashSet<string> Sessions { get; } = new(StringComparer.Ordinal);
    }
}
