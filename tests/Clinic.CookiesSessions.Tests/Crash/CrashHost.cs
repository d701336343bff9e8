using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Clinic.CookiesSessions.Tests.Crash;

/// <summary>This assembly run as a real server process (see <see cref="CrashHostProgram"/>) on a free loopback port.</summary>
internal sealed class CrashHost : IAsyncDisposable
{
    private readonly Process _process;

    private CrashHost(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<CrashHost> StartAsync(string store, string target)
    {
        var url = $"http://127.0.0.1:{Loopback.FreePort()}";
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(CrashHostProgram).Assembly.Location, "crash-host", url, store, target },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the crash host");
        var host = new CrashHost(process, new Uri(url));
        try
        {
            await host.WaitUntilReadyAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally blocks.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The crash host exited: " + await _process.StandardError.ReadToEndAsync());
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The crash host did not answer /healthz within 90 seconds.");
    }
}

/// <summary>Free ports on 127.0.0.1.</summary>
internal static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
