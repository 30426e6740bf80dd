using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TechBridge.Platform.Search.Evaluation;

// `bench jieba --corpus C.jsonl [--rounds 3] [--sentences 10000 --out DIR]`: jieba.NET segmentation speed on one
// core (MB of UTF-8 input per second, precise and search mode, after a warm-up), and, with --out, the first N
// sentences of the corpus with jieba.NET's precise-mode tokens so that scripts/jieba-agreement.py can compare them
// with Debian's python3-jieba.
internal static class JiebaBench
{
    // CSL abstracts mostly punctuate with ASCII ',' and '.', so "sentences" are clauses: split at clause punctuation,
    // and at '.' unless it sits between digits (0.05).
    private static readonly System.Text.RegularExpressions.Regex ClauseEnd =
        new(@"[。；！？，、;!?,\n]|(?<!\d)\.|\.(?!\d)", System.Text.RegularExpressions.RegexOptions.Compiled);

    public static int Run(IConfiguration configuration, TextWriter log)
    {
        var corpus = configuration["corpus"];
        if (string.IsNullOrWhiteSpace(corpus))
        {
            log.WriteLine("bench jieba needs --corpus C.jsonl [--rounds 3] [--sentences 10000 --out DIR]");
            return 2;
        }

        var rounds = int.TryParse(configuration["rounds"], CultureInfo.InvariantCulture, out var r) ? r : 3;
        var texts = SearchEval.ReadCorpus(corpus).Select(d => d.Text).ToArray();
        var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        var segmenter = ChineseSegmenter.Instance;
        foreach (var text in texts.Take(200))
        {
            segmenter.Cut(text, searchMode: false);
            segmenter.Cut(text, searchMode: true);
        }

        foreach (var searchMode in new[] { false, true })
        {
            var best = double.MaxValue;
            long tokens = 0;
            for (var round = 0; round < rounds; round++)
            {
                tokens = 0;
                var clock = Stopwatch.StartNew();
                foreach (var text in texts)
                {
                    tokens += segmenter.Cut(text, searchMode).Count;
                }

                var tokenizeClock = Stopwatch.StartNew();
                foreach (var text in texts)
                {
                    segmenter.Tokenize(text, searchMode);
                }

                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Tokenize (with offsets): {tokenizeClock.Elapsed.TotalSeconds:0.000} s"));

                best = Math.Min(best, clock.Elapsed.TotalSeconds - tokenizeClock.Elapsed.TotalSeconds);
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"jieba.NET {(searchMode ? "CutForSearch" : "Cut (precise)")}: {texts.Length} texts, {bytes / 1e6:0.00} MB, {tokens} tokens, best of {rounds}: {best:0.000} s = {bytes / 1e6 / best:0.00} MB/s"));
        }

        var output = configuration["out"];
        if (!string.IsNullOrWhiteSpace(output))
        {
            var wanted = int.TryParse(configuration["sentences"], CultureInfo.InvariantCulture, out var s) ? s : 10_000;
            Directory.CreateDirectory(output);
            var sentences = texts
                .SelectMany(t => ClauseEnd.Split(t))
                .Select(x => x.Trim())
                .Where(x => x.Length >= 4)
                .Take(wanted)
                .ToArray();
            File.WriteAllLines(Path.Combine(output, "sentences.txt"), sentences, new UTF8Encoding(false));
            // Tokens joined by U+2502 (never inside CSL text), one sentence per line.
            File.WriteAllLines(
                Path.Combine(output, "jieba-net.txt"),
                sentences.Select(x => string.Join('\u2502', segmenter.Cut(x, searchMode: false))),
                new UTF8Encoding(false));
            log.WriteLine($"wrote {sentences.Length} sentences and jieba.NET tokens to {output}");
        }

        return 0;
    }
}
