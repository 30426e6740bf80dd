using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace TechBridge.Tests.Infrastructure;

// The real executable as a child process, for crash and restart tests.
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    // For a test that watches the process itself (its memory).
    public int ProcessId => process.Id;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, "TechBridge.dll");

    // Runs a verb to completion and returns its exit code and output.
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(IDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(environment, args);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }

    public static async Task<AppProcess> StartAsync(IDictionary<string, string> environment)
    {
        var port = FreePort();
        var process = Process.Start(StartInfo(environment, $"--urls=http://127.0.0.1:{port}"))!;
        var app = new AppProcess(process, $"http://127.0.0.1:{port}");
        await app.WaitUntilReadyAsync();
        return app;
    }

    private static ProcessStartInfo StartInfo(IDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [ExecutablePath, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    public void KillHard() => process.Kill(entireProcessTree: true);

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri($"{BaseUrl}/health/ready"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the app did not become ready:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
