using JiebaNet.Segmenter;

namespace TechBridge.Platform.Search;

// The process's one jieba.NET segmenter. Loading the dictionaries takes ~0.7 s and ~100 MB, so it happens once,
// lazily, for the whole process (tests and verbs included) — never per analyzer or per request.
// jieba keeps its word dictionary in a static singleton that AddWord/DeleteWord mutate without locking; reads take
// the shared side of a reader–writer lock so that a vocabulary change never races a running segmentation.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One instance for the life of the process; its lock is never released early.")]
internal sealed class ChineseSegmenter
{
    private static readonly Lazy<ChineseSegmenter> Shared = new(() => new ChineseSegmenter(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JiebaSegmenter segmenter;
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);

    private ChineseSegmenter()
    {
        // The build copies the package's Resources/ beside the assembly (TechBridge.csproj); point jieba at it
        // explicitly so the working directory does not matter.
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
        segmenter = new JiebaSegmenter();
        segmenter.Cut("预热");
    }

    public static ChineseSegmenter Instance => Shared.Value;

    public static string ResourceDirectory => Path.Combine(AppContext.BaseDirectory, "Resources");

    // Tokens with offsets into text. Search mode adds the dictionary sub-words of long words (中华人民共和国 → 中华, 华人, ...).
    public IReadOnlyList<Token> Tokenize(string text, bool searchMode)
    {
        gate.EnterReadLock();
        try
        {
            return segmenter.Tokenize(text, searchMode ? TokenizerMode.Search : TokenizerMode.Default).ToList();
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    public IReadOnlyList<string> Cut(string text, bool searchMode)
    {
        gate.EnterReadLock();
        try
        {
            return (searchMode ? segmenter.CutForSearch(text) : segmenter.Cut(text)).ToList();
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    public void AddWord(string word)
    {
        gate.EnterWriteLock();
        try
        {
            segmenter.AddWord(word);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public void DeleteWord(string word)
    {
        gate.EnterWriteLock();
        try
        {
            segmenter.DeleteWord(word);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }
}
