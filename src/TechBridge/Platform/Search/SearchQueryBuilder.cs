using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TechBridge.Platform.Search;

// Terms: the query's distinct words; Highlight: those words and their synonyms, to mark in the results.
internal sealed record BuiltQuery(Query Query, IReadOnlyList<string> Terms, IReadOnlyList<string> Highlight);

// Turns the user's text into a Lucene query without Lucene's query syntax: the text is only analysed, so
// `AND ( " * ~ :` are plain characters. Score = WordWeight × BM25(words) + BigramWeight × BM25(bigrams) over the
// document's body + synonyms + optional adjacent-word pairs. Caps refuse abusive requests with field and rule.
internal sealed class SearchQueryBuilder(SearchRankingOptions ranking, SearchVocabulary vocabulary, Analyzer words, Analyzer bigrams)
{
    // A flat query holds up to MaxQueryTerms terms per analysis and field plus synonym phrases: more than Lucene's
    // default of 1,024 clauses (a process-wide Lucene setting).
    static SearchQueryBuilder() => BooleanQuery.MaxClauseCount = 16 * SearchLimits.MaxQueryTerms;

    public BuiltQuery Build(SearchRequest request)
    {
        var text = request.Text ?? string.Empty;
        var rules = new Validation();
        if (text.Length > SearchLimits.MaxQueryChars)
        {
            rules.Add("text", "maxLength", $"The search text must be at most {SearchLimits.MaxQueryChars} characters.", new Dictionary<string, object> { ["max"] = SearchLimits.MaxQueryChars });
        }

        if (request.Top is < 1 or > SearchLimits.MaxTop)
        {
            rules.Add("top", "range", $"top must be between 1 and {SearchLimits.MaxTop}.", new Dictionary<string, object> { ["min"] = 1, ["max"] = SearchLimits.MaxTop });
        }

        var filterValues = (request.Kinds?.Count ?? 0) + (request.Filters?.Values.Sum(v => v.Count) ?? 0) + (request.Ranges?.Count ?? 0);
        if (filterValues > SearchLimits.MaxFilterValues)
        {
            rules.Add("filters", "maxCount", $"At most {SearchLimits.MaxFilterValues} filter values.", new Dictionary<string, object> { ["max"] = SearchLimits.MaxFilterValues });
        }

        if (request.TimeLimit is { } limit && (limit <= TimeSpan.Zero || limit > TimeSpan.FromSeconds(30)))
        {
            rules.Add("timeLimit", "range", "The time limit must be between 1 ms and 30 s.");
        }

        rules.ThrowIfInvalid();

        var wordTerms = Analyze(words, LuceneSearchIndex.WordField, text);
        var bigramTerms = Analyze(bigrams, LuceneSearchIndex.BigramField, text);
        var distinctWords = wordTerms.Select(t => t.Term).Distinct(StringComparer.Ordinal).ToArray();
        var distinctBigrams = bigramTerms.Select(t => t.Term).Distinct(StringComparer.Ordinal).ToArray();
        if (Math.Max(distinctWords.Length, distinctBigrams.Length) > SearchLimits.MaxQueryTerms)
        {
            throw InvalidRequestException.For("text", "maxTerms", $"The search text has too many different terms (at most {SearchLimits.MaxQueryTerms}).", new Dictionary<string, object> { ["max"] = SearchLimits.MaxQueryTerms });
        }

        if (distinctWords.Length == 0 && distinctBigrams.Length == 0)
        {
            return new BuiltQuery(new MatchAllDocsQuery(), [], []);
        }

        var query = new BooleanQuery(disableCoord: true);
        AddBag(query, LuceneSearchIndex.WordField, wordTerms, ranking.WordWeight);
        AddBag(query, LuceneSearchIndex.BigramField, bigramTerms, ranking.BigramWeight);
        AddSynonyms(query, distinctWords);
        if (ranking.PairBoost > 0)
        {
            AddPairs(query, text, ranking.PairBoost);
        }

        return new BuiltQuery(query, distinctWords, [.. distinctWords, .. distinctWords.SelectMany(vocabulary.SynonymsOf)]);
    }

    // One SHOULD clause per distinct term, boosted by the field's weight and by how often the query repeats it. The
    // clauses go straight into the top-level query (no nested bags: same score, and a flat disjunction of terms can
    // be scored in bulk, out of document order).
    private static void AddBag(BooleanQuery query, string field, List<(string Term, int Position)> terms, float weight)
    {
        if (weight <= 0)
        {
            return;
        }

        foreach (var group in terms.GroupBy(t => t.Term, StringComparer.Ordinal))
        {
            query.Add(new TermQuery(new Term(field, group.Key)) { Boost = weight * group.Count() }, Occur.SHOULD);
        }
    }

    // Each synonym of a query word matches as a word and as a bigram phrase (independent of how the document was
    // segmented when indexed, so a synonym added now finds documents indexed before).
    private void AddSynonyms(BooleanQuery query, IEnumerable<string> queryWords)
    {
        foreach (var word in queryWords)
        {
            foreach (var synonym in vocabulary.SynonymsOf(word))
            {
                var weight = ranking.SynonymWeight;
                var wordPhrase = Phrase(LuceneSearchIndex.WordField, Analyze(words, LuceneSearchIndex.WordField, synonym));
                var bigramPhrase = Phrase(LuceneSearchIndex.BigramField, Analyze(bigrams, LuceneSearchIndex.BigramField, synonym));
                if (wordPhrase is not null)
                {
                    wordPhrase.Boost = weight * ranking.WordWeight;
                    query.Add(wordPhrase, Occur.SHOULD);
                }

                if (bigramPhrase is not null)
                {
                    bigramPhrase.Boost = weight * ranking.BigramWeight;
                    query.Add(bigramPhrase, Occur.SHOULD);
                }
            }
        }
    }

    // Adjacent words of the query (precise segmentation) found adjacent in the document: a bigram phrase of the two.
    private void AddPairs(BooleanQuery query, string text, float weight)
    {
        var pieces = ChineseSegmenter.Instance.Cut(TextNormalizer.Normalize(text), searchMode: false)
            .Where(w => TextNormalizer.IsIndexable(w))
            .ToArray();
        var pairs = new BooleanQuery(disableCoord: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < pieces.Length && pairs.Clauses.Count < 64; i++)
        {
            var pair = pieces[i] + pieces[i + 1];
            if (!seen.Add(pair))
            {
                continue;
            }

            var phrase = Phrase(LuceneSearchIndex.BigramField, Analyze(bigrams, LuceneSearchIndex.BigramField, pair));
            if (phrase is PhraseQuery)
            {
                pairs.Add(phrase, Occur.SHOULD);
            }
        }

        if (pairs.Clauses.Count > 0)
        {
            pairs.Boost = weight;
            query.Add(pairs, Occur.SHOULD);
        }
    }

    private static Query? Phrase(string field, List<(string Term, int Position)> terms)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        if (terms.Count == 1)
        {
            return new TermQuery(new Term(field, terms[0].Term));
        }

        var phrase = new PhraseQuery();
        foreach (var (term, position) in terms)
        {
            phrase.Add(new Term(field, term), position);
        }

        return phrase;
    }

    internal static List<(string Term, int Position)> Analyze(Analyzer analyzer, string field, string text)
    {
        var result = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += Math.Max(increment.PositionIncrement, 0);
            result.Add((term.ToString(), Math.Max(position, 0)));
        }

        stream.End();
        return result;
    }
}
