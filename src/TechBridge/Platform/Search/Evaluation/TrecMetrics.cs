using System.Globalization;

namespace TechBridge.Platform.Search.Evaluation;

internal sealed record MetricSummary(int Queries, double NdcgAt10, double MrrAt10, double RecallAt100);

// trec_eval conventions: gain = the qrels grade (graded, linear), discount log2(rank + 1), ideal DCG from the
// query's own judgements sorted by grade. A query counts when the qrels judge at least one document relevant
// (grade > 0); a judged query with no run lines scores 0 on every measure.
internal static class TrecMetrics
{
    public static Dictionary<string, Dictionary<string, int>> ReadQrels(string path)
    {
        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4)
            {
                continue;
            }

            if (!qrels.TryGetValue(parts[0], out var judged))
            {
                qrels[parts[0]] = judged = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            judged[parts[2]] = int.Parse(parts[3], CultureInfo.InvariantCulture);
        }

        return qrels;
    }

    public static double NdcgAt(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged)
    {
        var ideal = judged.Values.Where(g => g > 0).OrderDescending().Take(k).ToArray();
        if (ideal.Length == 0)
        {
            return 0;
        }

        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (judged.TryGetValue(ranked[i], out var grade) && grade > 0)
            {
                dcg += grade / Math.Log2(i + 2);
            }
        }

        var idcg = 0.0;
        for (var i = 0; i < ideal.Length; i++)
        {
            idcg += ideal[i] / Math.Log2(i + 2);
        }

        return dcg / idcg;
    }

    public static double ReciprocalRankAt(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged)
    {
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (judged.TryGetValue(ranked[i], out var grade) && grade > 0)
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    public static double RecallAt(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged)
    {
        var relevant = judged.Count(j => j.Value > 0);
        if (relevant == 0)
        {
            return 0;
        }

        var found = ranked.Take(k).Count(d => judged.TryGetValue(d, out var grade) && grade > 0);
        return (double)found / relevant;
    }

    // Averages over the judged queries that pass the predicate (all of them when it is null).
    public static MetricSummary Summarize(
        IReadOnlyDictionary<string, IReadOnlyList<string>> run,
        IReadOnlyDictionary<string, Dictionary<string, int>> qrels,
        Func<string, bool>? include = null)
    {
        double ndcg = 0, mrr = 0, recall = 0;
        var count = 0;
        foreach (var (qid, judged) in qrels)
        {
            if (!judged.Values.Any(g => g > 0) || (include is not null && !include(qid)))
            {
                continue;
            }

            var ranked = run.GetValueOrDefault(qid) ?? [];
            ndcg += NdcgAt(10, ranked, judged);
            mrr += ReciprocalRankAt(10, ranked, judged);
            recall += RecallAt(100, ranked, judged);
            count++;
        }

        return count == 0 ? new MetricSummary(0, 0, 0, 0) : new MetricSummary(count, ndcg / count, mrr / count, recall / count);
    }

    // Query ids end in a number (t17, k4); odd ones tune, even ones report.
    public static bool? IsOdd(string qid)
    {
        var end = qid.Length;
        while (end > 0 && char.IsAsciiDigit(qid[end - 1]))
        {
            end--;
        }

        return end == qid.Length ? null : (qid[^1] - '0') % 2 == 1;
    }
}
