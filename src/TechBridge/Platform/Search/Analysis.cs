using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace TechBridge.Platform.Search;

// Words by jieba.NET over normalised text. Reads at most SearchLimits.MaxAnalyzedChars of a field: callers refuse
// larger input before it gets here, this is the last guard against unbounded work.
internal sealed class JiebaTokenizer : Tokenizer
{
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly IPositionIncrementAttribute position;
    private readonly bool searchMode;
    private readonly IReadOnlySet<string>? stopWords;
    private IReadOnlyList<JiebaNet.Segmenter.Token> tokens = [];
    private string text = string.Empty;
    private int next;
    private int skipped;
    private readonly char[] readBuffer = new char[4096];

    public JiebaTokenizer(TextReader input, bool searchMode, IReadOnlySet<string>? stopWords)
        : base(input)
    {
        this.searchMode = searchMode;
        this.stopWords = stopWords;
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (next < tokens.Count)
        {
            var token = tokens[next++];
            var word = text.AsSpan(token.StartIndex, token.EndIndex - token.StartIndex);
            if (!TextNormalizer.IsIndexable(word) || (stopWords is not null && stopWords.Contains(token.Word)))
            {
                skipped++;
                continue;
            }

            term.SetEmpty().Append(token.Word);
            offset.SetOffset(CorrectOffset(token.StartIndex), CorrectOffset(token.EndIndex));
            position.PositionIncrement = 1 + skipped;
            skipped = 0;
            return true;
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        // A small reused buffer: a large one per field would land on the large-object heap and force full
        // collections over jieba's ~100 MB dictionary.
        var buffer = readBuffer;
        var builder = new System.Text.StringBuilder();
        int read;
        while (builder.Length < SearchLimits.MaxAnalyzedChars
               && (read = m_input.Read(buffer, 0, Math.Min(buffer.Length, SearchLimits.MaxAnalyzedChars - builder.Length))) > 0)
        {
            builder.Append(buffer, 0, read);
        }

        text = TextNormalizer.Normalize(builder.ToString());
        tokens = text.Length == 0 ? [] : ChineseSegmenter.Instance.Tokenize(text, searchMode);
        next = 0;
        skipped = 0;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(text.Length);
        offset.SetOffset(final, final);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            tokens = [];
            text = string.Empty;
        }
    }
}

// jieba words: search mode (long words and their dictionary sub-words) or precise mode.
internal sealed class JiebaAnalyzer(bool searchMode, IReadOnlySet<string>? stopWords = null) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new JiebaTokenizer(reader, searchMode, stopWords));
}

// Overlapping character bigrams of Han runs, words for Latin and digits, as Lucene's CJKAnalyzer does, plus the same
// width and case folding as the jieba side. Vocabulary-free: it finds what segmentation splits differently.
internal sealed class BigramAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SearchLimits.Lucene, new NormalizingReader(reader));
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(SearchLimits.Lucene, stream);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}

// Lucene's stock CJKAnalyzer: the peer the evaluation compares against.
internal static class PeerAnalyzers
{
    public static Analyzer CjkBigrams() => new CJKAnalyzer(SearchLimits.Lucene);
}

// Applies TextNormalizer while reading, capped at MaxAnalyzedChars.
internal sealed class NormalizingReader(TextReader inner) : TextReader
{
    private int consumed;

    public override int Read(char[] buffer, int index, int count)
    {
        var allowed = Math.Min(count, SearchLimits.MaxAnalyzedChars - consumed);
        if (allowed <= 0)
        {
            return 0;
        }

        var read = inner.Read(buffer, index, allowed);
        if (read > 0)
        {
            TextNormalizer.NormalizeInPlace(buffer.AsSpan(index, read));
            consumed += read;
        }

        return read;
    }

    public override int Read()
    {
        if (consumed >= SearchLimits.MaxAnalyzedChars)
        {
            return -1;
        }

        var c = inner.Read();
        if (c < 0)
        {
            return c;
        }

        consumed++;
        return TextNormalizer.Fold((char)c);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

internal static class SearchLimits
{
    public const LuceneVersion Lucene = LuceneVersion.LUCENE_48;

    // Hard guard inside analysis; requests are refused earlier with a clear error (see SearchRequestRules).
    public const int MaxAnalyzedChars = 1_048_576;

    public const int MaxDocumentTextChars = 1_048_576;
    public const int MaxTitleChars = 1_000;
    public const int MaxKeywordsChars = 2_000;
    public const int MaxQueryChars = 10_000;
    public const int MaxQueryTerms = 256;
    public const int MaxTop = 1_000;
    public const int MaxFilterValues = 100;
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(2);
}
