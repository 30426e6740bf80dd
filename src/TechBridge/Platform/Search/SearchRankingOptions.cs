namespace TechBridge.Platform.Search;

// Text ranking knobs (configuration section "Search:Ranking"); the defaults are what search-eval chose on the
// odd-numbered queries of search-dev/csl-known-item (docs/performance.md).
internal sealed class SearchRankingOptions
{
    public const string Section = "Search:Ranking";

    // BM25 for jieba word fields.
    public float WordK1 { get; set; } = 1.2f;

    public float WordB { get; set; } = 0.5f;

    // BM25 for character-bigram fields.
    public float BigramK1 { get; set; } = 1.2f;

    public float BigramB { get; set; } = 0.5f;

    // Weights of the two analyses in the combined score.
    public float WordWeight { get; set; } = 1f;

    public float BigramWeight { get; set; } = 1f;

    // How many times the title and the keywords count in a document's searchable body (the text counts once). Read
    // when documents are indexed: a change takes effect after `index rebuild`.
    public int TitleRepeat { get; set; } = 2;

    public int KeywordsRepeat { get; set; } = 2;

    // Adjacent query words found together (as a character-bigram phrase) add this weight; 0 turns it off.
    public float PairBoost { get; set; }

    // Synonyms score this fraction of the word they stand in for.
    public float SynonymWeight { get; set; } = 0.8f;

    // jieba mode for documents and for queries: search mode adds dictionary sub-words of long words.
    public bool IndexSearchMode { get; set; } = true;

    public bool QuerySearchMode { get; set; } = true;

    // Drop Data/search/stopwords.txt words from the word field (the bigram field keeps every character): function
    // words match nearly every document, so they cost the most to score and tell the least.
    public bool StopWords { get; set; } = true;

    // Pseudo-relevance feedback (RM3-style): the words that characterise the first pass's FeedbackDocs best documents
    // (their share of each document, weighted by its score and by the word's rarity) join the query, FeedbackTerms of
    // them, together weighing FeedbackWeight × the query's own words. 0 terms: off.
    public int FeedbackDocs { get; set; } = 10;

    public int FeedbackTerms { get; set; }

    public float FeedbackWeight { get; set; } = 0.5f;

    // As many character bigrams of the best documents join the bigram half of the query (0: words only).
    public int FeedbackBigramTerms { get; set; }

    // Query terms in more than this fraction of the documents (and more than CommonTermMinDocs documents) score only
    // documents that a rarer query term found (Lucene's CommonTermsQuery); 0 turns it off.
    public float CommonTermRatio { get; set; }

    public int CommonTermMinDocs { get; set; } = 1_000;

    // Fusion of ranked lists instead of one summed score: Analyses fuses the word and the bigram halves of the query
    // (weighted by WordWeight and BigramWeight), Expansion the query before and after feedback. Each list is cut at
    // FusionDepth; a document scores Σ weight / (FusionK + rank).
    public SearchFusion Fusion { get; set; }

    public float FusionK { get; set; } = 60f;

    public int FusionDepth { get; set; } = 100;
}

internal enum SearchFusion
{
    None,
    Analyses,
    Expansion,
}
