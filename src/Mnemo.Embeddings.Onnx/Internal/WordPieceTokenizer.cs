using System.Buffers;
using FastBertTokenizer;

namespace Mnemo.Embeddings.Onnx.Internal;

/// <summary>
/// The models' uncased WordPiece tokenizer (FastBertTokenizer over the packaged vocab.txt): text to token ids, without
/// the special tokens, which the embedder adds per window.
/// </summary>
/// <remarks>
/// Thread-safe: after loading, FastBertTokenizer's span-writing <c>Encode</c> only reads its frozen vocabulary and
/// writes to the caller's buffers (its batch overload calls it from several threads itself). Its overload that returns
/// memory reuses one internal buffer and is not safe; it is not used here.
/// </remarks>
internal sealed class WordPieceTokenizer
{
    private const string Cls = "[CLS]";
    private const string Sep = "[SEP]";
    private const string Pad = "[PAD]";
    private const string ContinuationMark = "##";

    private readonly BertTokenizer _tokenizer;

    // By token id: true where the token continues a word (##ing), so that long texts are cut between words.
    private readonly bool[] _continues;

    private WordPieceTokenizer(BertTokenizer tokenizer, bool[] continues, long clsId, long sepId, long padId)
    {
        _tokenizer = tokenizer;
        _continues = continues;
        ClsId = clsId;
        SepId = sepId;
        PadId = padId;
    }

    /// <summary>The id of [CLS], which starts every sequence.</summary>
    public long ClsId { get; }

    /// <summary>The id of [SEP], which ends every sequence.</summary>
    public long SepId { get; }

    /// <summary>The id of [PAD], which fills a sequence up to the longest of its batch.</summary>
    public long PadId { get; }

    /// <summary>Loads a vocab.txt (one token a line; its line number is its id), lower-casing input as uncased models need.</summary>
    /// <exception cref="InvalidOperationException">The vocabulary lacks a special token.</exception>
    public static WordPieceTokenizer Load(string vocabulary)
    {
        var tokenizer = new BertTokenizer();
        using (var reader = new StringReader(vocabulary))
        {
            tokenizer.LoadVocabulary(reader, convertInputToLowercase: true, unknownToken: "[UNK]", clsToken: Cls, sepToken: Sep, padToken: Pad);
        }

        // The same lines as FastBertTokenizer read them (TextReader.ReadLine, so CRLF and LF files give the same ids).
        var lines = new List<string>();
        using (var reader = new StringReader(vocabulary))
        {
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }

        var continues = lines.Select(line => line.StartsWith(ContinuationMark, StringComparison.Ordinal)).ToArray();
        return new WordPieceTokenizer(tokenizer, continues, lines.IndexOf(Cls), lines.IndexOf(Sep), lines.IndexOf(Pad));
    }

    /// <summary>The token ids of <paramref name="text"/>, all of them, without [CLS] and [SEP].</summary>
    public long[] Tokenize(string text)
    {
        // Folded here, not by FastBertTokenizer's string.Normalize, which does nothing without ICU (AccentFolding).
        text = AccentFolding.Fold(text);

        // A word piece covers at least one char of the folded text, so chars + 2 suffice; a full buffer would mean
        // that assumption failed, and is retried larger rather than cutting the text short.
        var capacity = Math.Max(text.Length + 2, 16);
        while (true)
        {
            var ids = ArrayPool<long>.Shared.Rent(capacity);
            var mask = ArrayPool<long>.Shared.Rent(capacity);
            try
            {
                var count = _tokenizer.Encode(text, ids.AsSpan(0, capacity), mask.AsSpan(0, capacity));
                if (count < capacity)
                {
                    return ids.AsSpan(1, count - 2).ToArray();
                }
            }
            finally
            {
                ArrayPool<long>.Shared.Return(ids);
                ArrayPool<long>.Shared.Return(mask);
            }

            capacity = checked(capacity * 2);
        }
    }

    /// <summary>True when <paramref name="id"/> starts a word rather than continuing one.</summary>
    public bool StartsWord(long id) => id < 0 || id >= _continues.Length || !_continues[id];
}
