using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace Clinic.CookiesSessions.Tests.Crash;

/// <summary>
/// Browsers writing their sessions: each worker keeps its own session cookie and writes an increasing counter to key
/// <c>c</c>, remembering the highest value the server acknowledged with a 2xx (the save happens before the response).
/// </summary>
internal sealed class SessionWriters : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;

    private SessionWriters(Uri baseAddress, int workers, TimeSpan pause)
    {
        _client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        Sessions = [.. Enumerable.Range(0, workers).Select(_ => new WriterSession())];
        _workers = [.. Sessions.Select(s => Task.Run(() => RunAsync(s, pause)))];
    }

    public IReadOnlyList<WriterSession> Sessions { get; }

    /// <summary>Every response: when it was sent, its status (0 = no HTTP answer), and whether the server was meant to be up.</summary>
    public ConcurrentQueue<Outcome> Outcomes { get; } = new();

    /// <summary>Set by the test while the store is down, so outcomes can be grouped.</summary>
    public volatile bool StoreDown;

    public static SessionWriters Start(Uri baseAddress, int workers, TimeSpan pause) => new(baseAddress, workers, pause);

    /// <summary>Stops the workers and waits for them.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(WriterSession session, TimeSpan pause)
    {
        var next = 1;
        while (!_stop.IsCancellationRequested)
        {
            var storeDown = StoreDown;
            try
            {
                using var response = await session.SendAsync(_client, $"/write?k=c&v={next}", _stop.Token);
                Outcomes.Enqueue(new Outcome((int)response.StatusCode, storeDown));
                if (response.IsSuccessStatusCode)
                {
                    session.Acknowledged = next;
                }

                next++;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // The server process is gone (killed) or restarting.
                Outcomes.Enqueue(new Outcome(0, storeDown));
                next++;
            }

            if (pause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(pause, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    internal sealed record Outcome(int Status, bool StoreDown);
}

/// <summary>One browser: its session cookie and the highest acknowledged counter.</summary>
internal sealed class WriterSession
{
    public string? Cookie { get; private set; }

    public int Acknowledged { get; set; }

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie);
        }

        var response = await client.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            var pair = values.First().Split(';')[0];
            Cookie = pair.EndsWith('=') ? null : pair;
        }

        return response;
    }

    /// <summary>The counter the server now has for this session (0 when it has none).</summary>
    public async Task<int> ReadCounterAsync(HttpClient client)
    {
        using var response = await SendAsync(client, "/read?k=c", CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body == "<none>" ? 0 : int.Parse(body, CultureInfo.InvariantCulture);
    }
}
