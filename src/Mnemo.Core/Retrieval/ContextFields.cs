namespace Mnemo.Core.Retrieval;

/// <summary>What of an entry's context is indexed beside its text (see <see cref="IndexedText"/>).</summary>
[Flags]
public enum ContextFields
{
    /// <summary>The text alone.</summary>
    None = 0,

    /// <summary>Who said or wrote it: a speaker or author in its metadata, else its agent.</summary>
    Who = 1,

    /// <summary>When it happened: a date in its metadata.</summary>
    When = 2,

    /// <summary>A title or subject in its metadata.</summary>
    Title = 4,

    /// <summary>Who, when and title: the default.</summary>
    All = Who | When | Title,
}
