using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Clinic.LoadTest;

/// <summary>The comparison host built in Release and served on 127.0.0.1, pinned to the server core.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<HostProcess> StartAsync(string repositoryRoot, LoadOptions options, CancellationToken cancellationToken)
    {
        var project = Path.Combine(repositoryRoot, "benchmarks", "Clinic.LoadTest.Host", "Clinic.LoadTest.Host.csproj");
        var output = Path.Combine(repositoryRoot, "artifacts", "loadtest-host");
        Console.Error.WriteLine("Building the comparison host in Release...");
        await ProcessRunner.RunToEndAsync("dotnet", ["build", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"], cancellationToken);

        var port = FreePort();
        var dll = Path.Combine(output, "Clinic.LoadTest.Host.dll");
        var info = options.ServerCore is { } core
            ? new ProcessStartInfo("taskset") { ArgumentList = { "-c", core.ToString(System.Globalization.CultureInfo.InvariantCulture), "dotnet", dll } }
            : new ProcessStartInfo("dotnet") { ArgumentList = { dll } };
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_gcServer"] = "0";
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the comparison host.");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await host.WaitUntilReadyAsync(cancellationToken);
        return host;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The comparison host exited: " + await _process.StandardError.ReadToEndAsync(cancellationToken));
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still starting.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("The comparison host did not answer /healthz within 60 seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
