using Clinic.CookiesSessions.Tests.Django;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.CookiesSessions.Tests.Signing;

/// <summary>Django's own session payloads, produced by real Django, decode here (the migration path).</summary>
public sealed class DjangoSessionPayloadTests
{
    private const string Key = "django-session-migration-test-secret-key-0123456789";

    [Fact]
    public void DecodeStoredSession_DjangoDatabaseEncoding_ReturnsDictionary()
    {
        var django = DjangoBridge.RunOne(Key, new { op = "session_db_encode", value = new Dictionary<string, object> { ["_auth_user_id"] = "42", ["cart"] = new[] { 1, 2 } } });

        var session = DjangoSessions.DecodeStoredSession(django.Value, Key);

        Assert.Equal("42", session["_auth_user_id"].GetString());
        Assert.Equal(2, session["cart"].GetArrayLength());
        Assert.Throws<BadSignature>(() => DjangoSessions.DecodeStoredSession(django.Value, "another-key"));
    }

    [Fact]
    public void DecodeSignedCookieSession_DjangoCookie_ReturnsDictionaryUntilMaxAge()
    {
        var django = DjangoBridge.RunOne(Key, new { op = "session_cookie_encode", value = new Dictionary<string, object> { ["theme"] = "dark" }, now = DjangoBridge.Now });
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DjangoBridge.Now + 100));

        Assert.Equal("dark", DjangoSessions.DecodeSignedCookieSession(django.Value, Key, TimeSpan.FromSeconds(100), timeProvider: clock)["theme"].GetString());
        Assert.Throws<SignatureExpired>(() => DjangoSessions.DecodeSignedCookieSession(django.Value, Key, TimeSpan.FromSeconds(99), timeProvider: clock));
    }
}
