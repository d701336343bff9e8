using Microsoft.AspNetCore.Http;

namespace Clinic.Signals;

/// <summary>The arguments of <see cref="RequestSignals.RequestStarted"/>.</summary>
public sealed class RequestStartedArgs
{
    internal RequestStartedArgs(HttpContext httpContext) => HttpContext = httpContext;

    /// <summary>The request that is starting.</summary>
    public HttpContext HttpContext { get; }
}
