using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Clinic.CookiesSessions.Tests.Crash;

/// <summary>
/// A throw-away redis-server of this test alone (never the shared one): a free loopback port, its own folder,
/// <c>appendonly yes</c> with <c>appendfsync always</c> so an acknowledged write survives <c>kill -9</c>.
/// </summary>
internal sealed class PrivateRedis : IAsyncDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clinic-redis-");
    private readonly int _port = Loopback.FreePort();
    private Process? _process;

    public string Address => "127.0.0.1:" + _port.ToString(CultureInfo.InvariantCulture);

    public static async Task<PrivateRedis> StartAsync()
    {
        var redis = new PrivateRedis();
        await redis.StartServerAsync();
        return redis;
    }

    /// <summary>SIGKILL, as in an outage.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts again on the same port and folder (replaying the append-only file).</summary>
    public Task RestartAsync() => StartServerAsync();

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _directory.Delete(recursive: true);
    }

    private async Task StartServerAsync()
    {
        var info = new ProcessStartInfo("redis-server")
        {
            ArgumentList =
            {
                "--port", _port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory.FullName,
                "--appendonly", "yes", "--appendfsync", "always", "--save", string.Empty,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start redis-server");
        _ = _process.StandardOutput.ReadToEndAsync();
        _ = _process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await PingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("the private redis-server did not start");
            }

            await Task.Delay(50);
        }
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", _port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
