using System.Collections.Frozen;

namespace TechBridge.Platform.Search;

// Domain terms (kept whole by the segmenter) and synonym groups (锂电池 ~ 锂离子电池), changeable at run time without a
// restart: the segmenter learns a term at once and queries expand synonyms when they are built, so nothing needs
// re-indexing for a synonym to take effect (synonyms are also matched as character-bigram phrases, which do not
// depend on how a document was segmented when it was indexed). Version grows with every change so that caches
// can tell. Loaded from Data/search/*.txt now; the Matching module will persist admin changes in the database.
internal sealed class SearchVocabulary
{
    private readonly Lock gate = new();
    private readonly ChineseSegmenter segmenter;
    private readonly HashSet<string> terms = new(StringComparer.Ordinal);

    // Terms the main dictionary already knew: removing them from the vocabulary must not delete them from jieba.
    private readonly HashSet<string> builtIn = new(StringComparer.Ordinal);
    private readonly List<string[]> groups = [];
    private FrozenDictionary<string, string[]> synonyms = FrozenDictionary<string, string[]>.Empty;
    private long version;

    public SearchVocabulary(ChineseSegmenter segmenter)
    {
        this.segmenter = segmenter;
    }

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "search");

    public long Version => Interlocked.Read(ref version);

    public IReadOnlyCollection<string> Terms
    {
        get
        {
            lock (gate)
            {
                return terms.Order(StringComparer.Ordinal).ToArray();
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<string>> SynonymGroups
    {
        get
        {
            lock (gate)
            {
                return groups.Select(g => (IReadOnlyList<string>)g.ToArray()).ToArray();
            }
        }
    }

    // The other members of every group the (normalised) word belongs to; empty when it has none.
    public IReadOnlyList<string> SynonymsOf(string word) =>
        synonyms.TryGetValue(word, out var others) ? others : [];

    public bool AddTerm(string term)
    {
        term = Clean(term, nameof(term));
        lock (gate)
        {
            if (!terms.Add(term))
            {
                return false;
            }

            if (Jieba.WordDictionaryContains(term))
            {
                builtIn.Add(term);
            }
            else
            {
                segmenter.AddWord(term);
            }

            Interlocked.Increment(ref version);
            return true;
        }
    }

    public bool RemoveTerm(string term)
    {
        term = Clean(term, nameof(term));
        lock (gate)
        {
            if (!terms.Remove(term))
            {
                return false;
            }

            if (!builtIn.Remove(term) && !groups.Any(g => g.Contains(term, StringComparer.Ordinal)))
            {
                segmenter.DeleteWord(term);
            }

            Interlocked.Increment(ref version);
            return true;
        }
    }

    // A group of words that mean the same; each word is also added as a term so that it stays one token.
    public void AddSynonyms(IEnumerable<string> words)
    {
        var group = words.Select(w => Clean(w, nameof(words))).Distinct(StringComparer.Ordinal).ToArray();
        if (group.Length < 2)
        {
            throw Errors.InvalidRequestException.For("synonyms", "minCount", "A synonym group needs at least two different words.");
        }

        lock (gate)
        {
            foreach (var word in group)
            {
                if (!Jieba.WordDictionaryContains(word) && !terms.Contains(word))
                {
                    segmenter.AddWord(word);
                }
            }

            groups.Add(group);
            Rebuild();
        }
    }

    // Removes every group that contains all the given words.
    public bool RemoveSynonyms(IEnumerable<string> words)
    {
        var wanted = words.Select(w => Clean(w, nameof(words))).ToArray();
        lock (gate)
        {
            var removed = groups.RemoveAll(g => wanted.All(w => g.Contains(w, StringComparer.Ordinal)));
            if (removed == 0)
            {
                return false;
            }

            Rebuild();
            return true;
        }
    }

    // Lines of the data files: a term per line in terms.txt, a group of words separated by spaces or commas per line
    // in synonyms.txt; '#' starts a comment.
    public void LoadDirectory(string directory)
    {
        var termsFile = Path.Combine(directory, "terms.txt");
        if (File.Exists(termsFile))
        {
            foreach (var line in DataLines(termsFile))
            {
                AddTerm(line);
            }
        }

        var synonymsFile = Path.Combine(directory, "synonyms.txt");
        if (File.Exists(synonymsFile))
        {
            foreach (var line in DataLines(synonymsFile))
            {
                AddSynonyms(line.Split([' ', ',', '，', '\t'], StringSplitOptions.RemoveEmptyEntries));
            }
        }
    }

    private static IEnumerable<string> DataLines(string path) =>
        File.ReadLines(path)
            .Select(l => (l.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? l[..hash] : l).Trim())
            .Where(l => l.Length > 0);

    private static string Clean(string word, string field)
    {
        var cleaned = TextNormalizer.Normalize(word ?? string.Empty).Trim();
        if (cleaned.Length == 0 || cleaned.Length > 50 || cleaned.Any(char.IsWhiteSpace))
        {
            throw Errors.InvalidRequestException.For(field, "term", "A term is 1–50 characters without spaces.");
        }

        return cleaned;
    }

    private void Rebuild()
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var word in group)
            {
                if (!map.TryGetValue(word, out var others))
                {
                    map[word] = others = new HashSet<string>(StringComparer.Ordinal);
                }

                others.UnionWith(group.Where(w => w != word));
            }
        }

        synonyms = map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        Interlocked.Increment(ref version);
    }

    private static class Jieba
    {
        public static bool WordDictionaryContains(string word) => JiebaNet.Segmenter.WordDictionary.Instance.ContainsWord(word);
    }
}
