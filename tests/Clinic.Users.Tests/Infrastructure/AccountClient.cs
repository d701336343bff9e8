using System.Net;

namespace Clinic.Users.Tests.Infrastructure;

/// <summary>Form posts with an antiforgery token, as a browser would send them.</summary>
public static class AccountClient
{
    public static async Task<string> TokenAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/antiforgery");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IDictionary<string, string> fields, bool withToken = true, IDictionary<string, string>? headers = null)
    {
        var form = new Dictionary<string, string>(fields);
        if (withToken)
        {
            form["__RequestVerificationToken"] = await client.TokenAsync();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    public static async Task<string> LoginAsync(this HttpClient client, string email, string password, IDictionary<string, string>? headers = null)
    {
        var response = await client.PostFormAsync("/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password }, headers: headers);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : $"{(int)response.StatusCode}";
    }

    public static async Task<HttpStatusCode> ProfileAsync(this HttpClient client) => (await client.GetAsync("/profile")).StatusCode;
}
