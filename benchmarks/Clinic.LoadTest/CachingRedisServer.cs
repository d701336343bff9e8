using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Clinic.LoadTest;

/// <summary>
/// The Redis the "caching" scenario's Redis rows use: a throw-away <c>redis-server</c> on a free loopback port (no
/// persistence, stopped at the end), or the address given with <c>--redis HOST:PORT</c>. It is handed to the host
/// through the <see cref="EnvironmentVariable"/> environment variable, which the host process inherits.
/// </summary>
internal sealed class CachingRedisServer : IAsyncDisposable
{
    /// <summary>The variable the host reads to add its Redis endpoints.</summary>
    public const string EnvironmentVariable = "CLINIC_LOADTEST_REDIS";

    private readonly Process? _process;

    private CachingRedisServer(Process? process, string address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>host:port of the server.</summary>
    public string Address { get; }

    /// <summary>Removes <c>--redis VALUE</c> from <paramref name="args"/> (the other options are parsed elsewhere).</summary>
    public static string[] TakeOption(string[] args, out string? address)
    {
        address = null;
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--redis")
            {
                address = i + 1 < args.Length ? args[++i] : throw new ArgumentException("--redis needs a value (HOST:PORT)");
                continue;
            }

            rest.Add(args[i]);
        }

        return [.. rest];
    }

    /// <summary>Starts a private server unless <paramref name="address"/> names one, and publishes the address to the host.</summary>
    public static async Task<CachingRedisServer> StartAsync(string? address, CancellationToken cancellationToken)
    {
        if (address is not null)
        {
            await WaitForPongAsync(address, null, cancellationToken);
            Environment.SetEnvironmentVariable(EnvironmentVariable, address);
            return new CachingRedisServer(null, address);
        }

        var port = FreePort();
        var info = new ProcessStartInfo("redis-server")
        {
            ArgumentList =
            {
                "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
                "--appendonly", "no", "--protected-mode", "yes", "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-server (apt-get install redis-server).");
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        var server = new CachingRedisServer(process, "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture));
        try
        {
            await WaitForPongAsync(server.Address, process, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        Console.Error.WriteLine($"Started a throw-away redis-server on {server.Address} (pid {process.Id}).");
        Environment.SetEnvironmentVariable(EnvironmentVariable, server.Address);
        return server;
    }

    private static async Task WaitForPongAsync(string address, Process? process, CancellationToken cancellationToken)
    {
        var colon = address.LastIndexOf(':');
        var port = int.Parse(address.AsSpan(colon + 1), CultureInfo.InvariantCulture);
        var host = address[..colon];
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException("redis-server exited at start-up with code " + process.ExitCode);
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(host, port, cancellationToken);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"Redis at {address} did not answer PING within 20 seconds.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server this harness started (never one given with <c>--redis</c>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
