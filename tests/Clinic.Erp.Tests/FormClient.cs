using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace Clinic.Erp.Tests;

/// <summary>
/// An HTTP client over the test server that keeps its own cookie jar (so tests can read and tamper with cookies),
/// follows redirects, and posts forms with the antiforgery token of the page it last loaded.
/// </summary>
public sealed partial class FormClient : IDisposable
{
    private readonly HttpClient _client;
    private string _lastHtml = string.Empty;

    public FormClient(WebApplicationFactory<Program> factory) =>
        _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The cookies the "browser" holds: name to raw value.</summary>
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>Every <c>Set-Cookie</c> header received by the last request (redirects included).</summary>
    public List<string> LastSetCookieHeaders { get; } = [];

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        LastSetCookieHeaders.Clear();
        return await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative)));
    }

    /// <summary>Loads <paramref name="pageUrl"/>, then posts <paramref name="fields"/> to its handler with the page's token.</summary>
    public async Task<(HttpStatusCode Status, string Html)> PostFormAsync(string pageUrl, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        await GetAsync(pageUrl);
        var token = TokenPattern().Match(_lastHtml);
        Assert.True(token.Success, $"{pageUrl} should render an antiforgery token");
        LastSetCookieHeaders.Clear();
        return await PostRawAsync(pageUrl, handler, [.. fields, new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]);
    }

    /// <summary>Loads <paramref name="pageUrl"/> and returns the antiforgery token it renders (valid for any form of this client).</summary>
    public async Task<string> GetTokenAsync(string pageUrl)
    {
        await GetAsync(pageUrl);
        var token = TokenPattern().Match(_lastHtml);
        Assert.True(token.Success, $"{pageUrl} should render an antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Sends one request with this client's cookies and does not follow a redirect: the raw response.</summary>
    public async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string url, IEnumerable<KeyValuePair<string, string>>? form = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _client.SendAsync(request);
        Remember(response);
        return response;
    }

    /// <summary>Posts exactly <paramref name="fields"/> (no token added); an empty handler posts to the page's default handler.</summary>
    public async Task<(HttpStatusCode Status, string Html)> PostRawAsync(string pageUrl, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        var url = handler.Length == 0 ? pageUrl : $"{pageUrl}?handler={handler}";
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = content };
        return await SendAsync(request);
    }

    public void Dispose() => _client.Dispose();

    private async Task<(HttpStatusCode Status, string Html)> SendAsync(HttpRequestMessage first)
    {
        var request = first;
        for (var hops = 0; ; hops++)
        {
            if (Cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            using var response = await _client.SendAsync(request);
            request.Dispose();
            Remember(response);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && hops < 5 && response.Headers.Location is { } location)
            {
                request = new HttpRequestMessage(HttpMethod.Get, location);
                continue;
            }

            _lastHtml = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, _lastHtml);
        }
    }

    private void Remember(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        var headers = values.ToList();
        LastSetCookieHeaders.AddRange(headers);
        foreach (var cookie in SetCookieHeaderValue.ParseList(headers))
        {
            var name = cookie.Name.ToString();
            var expired = cookie.Expires < DateTimeOffset.UtcNow || cookie.MaxAge <= TimeSpan.Zero;
            if (expired)
            {
                Cookies.Remove(name);
            }
            else
            {
                Cookies[name] = cookie.Value.ToString();
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
