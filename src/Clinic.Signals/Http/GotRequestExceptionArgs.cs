using Microsoft.AspNetCore.Http;

namespace Clinic.Signals;

/// <summary>The arguments of <see cref="RequestSignals.GotRequestException"/>.</summary>
public sealed class GotRequestExceptionArgs
{
    internal GotRequestExceptionArgs(HttpContext httpContext, Exception exception)
    {
        HttpContext = httpContext;
        Exception = exception;
    }

    /// <summary>The request whose handling threw.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>What was thrown (it is rethrown after this signal, for the exception handler further out).</summary>
    public Exception Exception { get; }
}
