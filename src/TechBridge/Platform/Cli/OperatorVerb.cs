namespace TechBridge.Platform.Cli;

// One operator verb: `techbridge NAME [ARGUMENTS] [--options]`. The platform and each module register theirs from
// their Add method (AddOperatorVerb); `help` lists them in the order they were registered.
internal sealed class OperatorVerb
{
    // The leading words that name the verb, e.g. "index rebuild".
    public required string Name { get; init; }

    // The command line as help shows it, e.g. "import regions PATH".
    public required string Usage { get; init; }

    // What the verb does; each line of it is one line of help.
    public required string Description { get; init; }

    // How many words after the name the verb takes (import regions PATH takes one).
    public int Arguments { get; init; }

    // Settings for a host of the verb's own (a throwaway database), given after the command line so that they win.
    public IReadOnlyList<string> HostArguments { get; init; } = [];

    // False for verbs that work on files or a throwaway database of their own (evaluations, benchmarks): they run
    // where no database is configured, e.g. from a published build in Production.
    public bool UsesDatabase { get; init; } = true;

    public required Func<OperatorVerbContext, Task<int>> RunAsync { get; init; }

    public string[] Words => Name.Split(' ');
}

internal sealed record OperatorVerbContext(WebApplication App, IReadOnlyList<string> Arguments, IProgress<string> Progress, CancellationToken Cancellation);

internal static class OperatorVerbRegistration
{
    public static IServiceCollection AddOperatorVerb(this IServiceCollection services, OperatorVerb verb) => services.AddSingleton(verb);
}
