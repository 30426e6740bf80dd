using System.Text;

namespace TechBridge.Platform.Cli;

// `techbridge VERB ...` administers instead of serving. Verbs are the leading words before any option; which verbs
// exist is whatever the platform and the modules registered (OperatorVerb).
internal static class OperatorVerbs
{
    private const int UsageWidth = 21;

    public static (string[] Verb, string[] HostArgs) Split(string[] args)
    {
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            return (["help"], []);
        }

        // Options are --name value, --name=value or name=value (all three are configuration to the host).
        var verbLength = Array.FindIndex(args, a => a.StartsWith('-') || a.Contains('=', StringComparison.Ordinal));
        if (verbLength < 0)
        {
            verbLength = args.Length;
        }

        return (args[..verbLength], args[verbLength..]);
    }

    // The settings the verb wants for a host of its own; empty when the configured host will do.
    public static IReadOnlyList<string> HostArguments(IServiceProvider services, string[] verb) =>
        Find(services, verb)?.HostArguments ?? [];

    public static async Task<int> RunAsync(WebApplication app, string[] verb)
    {
        var found = Find(app.Services, verb);
        if (found is null)
        {
            Console.WriteLine(Help(app.Services.GetServices<OperatorVerb>()));
            return verb is ["help"] ? 0 : 2;
        }

        if (found.UsesDatabase)
        {
            DatabaseStartup.RequireConfigured(app.Services.GetRequiredService<DatabaseOptions>());
        }

        var context = new OperatorVerbContext(app, verb[found.Words.Length..], new ConsoleProgress(), app.Lifetime.ApplicationStopping);
        return await found.RunAsync(context);
    }

    public static string Help(IEnumerable<OperatorVerb> verbs)
    {
        var text = new StringBuilder();
        text.AppendLine("Usage: techbridge [VERB] [--options]");
        text.AppendLine(Line("(no verb)", "serve the platform"));
        foreach (var verb in verbs)
        {
            var lines = verb.Description.Split('\n');
            if (verb.Usage.Length > UsageWidth)
            {
                text.AppendLine("  " + verb.Usage);
                text.AppendLine(Line("", lines[0]));
            }
            else
            {
                text.AppendLine(Line(verb.Usage, lines[0]));
            }

            foreach (var line in lines.Skip(1))
            {
                text.AppendLine(Line("", line));
            }
        }

        text.Append("Options: --Database:Provider=Sqlite|Postgres --ConnectionStrings:Platform=... --urls=...");
        return text.ToString();
    }

    private static string Line(string usage, string description) => $"  {usage.PadRight(UsageWidth)}  {description.TrimEnd()}";

    private static OperatorVerb? Find(IServiceProvider services, string[] verb) =>
        services.GetServices<OperatorVerb>()
            .FirstOrDefault(v => verb.Length == v.Words.Length + v.Arguments && verb.Take(v.Words.Length).SequenceEqual(v.Words, StringComparer.Ordinal));
}

// Writes each report at once, in order (Progress<T> would post to the thread pool).
internal sealed class ConsoleProgress : IProgress<string>
{
    public void Report(string value) => Console.WriteLine(value);
}
