using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Clinic.CookiesSessions.Internal;

/// <summary>
/// Loads the session asynchronously (only when the request carries a well-formed session cookie), exposes it as
/// <c>HttpContext.Session</c>, and saves it once, just before the response starts: only when modified (or on every
/// request if configured), never for a 5xx response or an exception, and with the failure surfaced when the store fails.
/// </summary>
internal sealed class ClinicSessionMiddleware
{
    private readonly RequestDelegate _next;
    private readonly IClinicSessionStore _store;
    private readonly ClinicSessionOptions _options;
    private readonly ClinicCookieOptions _cookieOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CookiesSessionsMetrics _metrics;

    public ClinicSessionMiddleware(
        RequestDelegate next,
        IClinicSessionStore store,
        IOptions<ClinicSessionOptions> options,
        IOptions<ClinicCookieOptions> cookieOptions,
        TimeProvider time,
        ILogger<ClinicSessionMiddleware> logger,
        CookiesSessionsMetrics metrics)
    {
        _next = next;
        _store = store;
        _options = options.Value;
        _cookieOptions = cookieOptions.Value;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var cookie = context.Request.Cookies[_options.CookieName];
        ClinicSession session;
        if (_store is SignedCookieSessionStore cookieStore)
        {
            session = new ClinicSession(null, _store, _options, _time, _logger, _metrics);
            session.LoadFromCookie(cookie is null ? null : cookieStore.Decode(_options.CookieName, cookie, _options.DefaultExpiry));
        }
        else
        {
            var key = cookie;
            if (key is not null && !SessionKeys.IsValid(key))
            {
                CookiesSessionsLog.SessionCookieRejected(_logger, "malformed key");
                key = null;
            }

            session = new ClinicSession(key, _store, _options, _time, _logger, _metrics);
            await session.LoadAsync(context.RequestAborted);
        }

        var feature = new SessionFeature { Session = session };
        context.Features.Set<ISessionFeature>(feature);
        var state = new RequestState(context, session, cookie is not null) { Owner = this };
        context.Response.OnStarting(static s => ((RequestState)s).Owner.OnStartingAsync((RequestState)s), state);

        try
        {
            await _next(context);
        }
        catch
        {
            state.Failed = true;
            throw;
        }
        finally
        {
            context.Features.Set<ISessionFeature>(null);
        }

        // Most responses have not started yet: save here, so a store failure reaches the app's exception handling.
        // Responses that started streaming during the handler were saved by the OnStarting callback.
        if (!context.Response.HasStarted)
        {
            await OnStartingAsync(state);
        }
    }

    private async Task OnStartingAsync(RequestState state)
    {
        if (state.Completed)
        {
            return;
        }

        state.Completed = true;
        var context = state.Context;
        var session = state.Session;
        var hadCookie = state.HadCookie;
        var response = context.Response;
        if (session.Accessed)
        {
            response.Headers.Append(HeaderNames.Vary, "Cookie");
        }

        if (state.Failed || response.StatusCode >= 500)
        {
            if (session.IsModified)
            {
                CookiesSessionsLog.SessionNotSavedOnError(_logger, response.StatusCode);
            }

            return;
        }

        if (_store is SignedCookieSessionStore cookieStore)
        {
            WriteSignedCookieSession(state, cookieStore);
            return;
        }

        try
        {
            if (session.IsModified || (_options.SaveEveryRequest && !session.IsEmpty))
            {
                await session.SaveAsync(context.RequestAborted);
            }
        }
        catch (SessionInterruptedException)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            DeleteCookie(response);
            return;
        }
        catch (Exception ex) when (LogSaveFailure(ex))
        {
            throw;
        }

        if (session.IsEmpty)
        {
            if (hadCookie)
            {
                DeleteCookie(response);
            }
        }
        else if (session.Saved)
        {
            var settings = CookieSettings();
            if (!session.GetExpireAtBrowserClose())
            {
                settings.MaxAge = session.GetExpiryAge();
            }

            CookieWriter.Write(response, _options.CookieName, session.Id, settings, _cookieOptions, _time);
        }
    }

    private void WriteSignedCookieSession(RequestState state, SignedCookieSessionStore cookieStore)
    {
        var session = state.Session;
        var response = state.Context.Response;
        if (!session.IsModified && !(_options.SaveEveryRequest && !session.IsEmpty))
        {
            return;
        }

        if (session.IsEmpty)
        {
            if (state.HadCookie)
            {
                DeleteCookie(response);
            }

            return;
        }

        var settings = CookieSettings();
        if (!session.GetExpireAtBrowserClose())
        {
            settings.MaxAge = session.GetExpiryAge();
        }

        // Past the browser's cookie size this throws CookieTooLargeException: an explicit error, never a lost session.
        CookieWriter.Write(response, _options.CookieName, cookieStore.Encode(_options.CookieName, session.SerializeData()), settings, _cookieOptions, _time);
        session.MarkSaved();
    }

    private bool LogSaveFailure(Exception ex)
    {
        CookiesSessionsLog.SessionSaveFailed(_logger, ex);
        return false;
    }

    private void DeleteCookie(HttpResponse response) =>
        CookieWriter.Delete(response, _options.CookieName, CookieSettings(), _cookieOptions, _time);

    private CookieSettings CookieSettings() => new()
    {
        Path = _options.CookiePath,
        Domain = _options.CookieDomain,
        SameSite = _options.CookieSameSite,
        HttpOnly = true,
        Secure = _options.CookieSecurePolicy switch
        {
            CookieSecurePolicy.Always => true,
            CookieSecurePolicy.None => false,
            _ => null,
        },
    };

    private sealed class RequestState(HttpContext context, ClinicSession session, bool hadCookie)
    {
        public HttpContext Context { get; } = context;

        public ClinicSession Session { get; } = session;

        public bool HadCookie { get; } = hadCookie;

        public ClinicSessionMiddleware Owner { get; init; } = null!;

        public bool Failed { get; set; }

        public bool Completed { get; set; }
    }

    private sealed class SessionFeature : ISessionFeature
    {
        public ISession Session { get; set; } = null!;
    }
}
