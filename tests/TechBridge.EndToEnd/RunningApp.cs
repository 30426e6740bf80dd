using System.Diagnostics;
using System.Net.Sockets;

namespace TechBridge.EndToEnd;

// The real TechBridge executable as a child process on a free loopback port, over a fresh SQLite database with
// demo data, in the Testing environment (so the test clock exists).
public sealed class RunningApp : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dataDirectory;

    private RunningApp(Process process, string baseUrl, string dataDirectory)
    {
        this.process = process;
        BaseUrl = baseUrl;
        this.dataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }

    public static async Task<RunningApp> StartAsync()
    {
        var port = FreePort();
        var dataDirectory = Directory.CreateTempSubdirectory("techbridge-e2e-").FullName;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var app = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "TechBridge", "bin", configuration, "net10.0", "TechBridge.dll"));
        var start = new ProcessStartInfo("dotnet", [app, $"--urls=http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(app)!,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["Platform__DataDirectory"] = dataDirectory,
                ["Database__SeedDemo"] = "true",
                // Every journey signs in from 127.0.0.1: the per-client sign-in limit (10 a minute) is for attackers.
                ["RateLimits__SignInPerMinute"] = "1000",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new RunningApp(process, $"http://127.0.0.1:{port}", dataDirectory);
        await running.WaitUntilReadyAsync();
        return running;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {process.ExitCode}");
            }

            try
            {
                var response = await http.GetAsync(new Uri($"{BaseUrl}/health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the app did not become ready");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS temp cleaner
        }
    }
}
