using Microsoft.AspNetCore.Http;

namespace Clinic.Signals;

/// <summary>The arguments of <see cref="RequestSignals.RequestFinished"/>.</summary>
public sealed class RequestFinishedArgs
{
    internal RequestFinishedArgs(HttpContext httpContext, Exception? exception)
    {
        HttpContext = httpContext;
        Exception = exception;
    }

    /// <summary>The request that finished; <c>Response.StatusCode</c> is final unless <see cref="Exception"/> is set.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>What the rest of the pipeline threw, if it threw (it is rethrown after this signal).</summary>
    public Exception? Exception { get; }
}
