namespace TechBridge.Platform;

// A start-up that cannot proceed because of how the platform was set up (no database configured, a database never
// migrated, a port in use, a data directory it cannot write). Program prints the message — what is wrong and what to
// do — as one line and exits non-zero, without a stack trace.
internal sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

internal static class StartupFailure
{
    // Kestrel reports a taken port only after the host has logged its start-up failure at length; asking first keeps
    // the answer to one line. (A port taken in between still fails, and is still explained below.)
    public static void RequireFreeAddresses(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Port == 0)
            {
                continue;
            }

            var address = uri.Host == "localhost" ? System.Net.IPAddress.Loopback : System.Net.IPAddress.TryParse(uri.Host, out var parsed) ? parsed : null;
            if (address is null)
            {
                continue;
            }

            var probe = new System.Net.Sockets.TcpListener(address, uri.Port);
            try
            {
                probe.Start();
            }
            catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
            {
                throw new StartupException($"{url} is already in use: another program listens there; choose a free port with --urls=http://127.0.0.1:PORT.", e);
            }
            finally
            {
                probe.Stop();
            }
        }
    }

    // The one line for a failure the operator can fix; null for anything else (a defect: it keeps its stack trace).
    public static string? Explain(Exception exception) => exception switch
    {
        StartupException startup => startup.Message,
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } inUse =>
            $"{inUse.Message.TrimEnd('.')}: another program listens there; choose a free port with --urls=http://127.0.0.1:PORT.",
        _ => null,
    };
}
