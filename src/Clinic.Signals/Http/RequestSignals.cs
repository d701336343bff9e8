namespace Clinic.Signals;

/// <summary>
/// The request signals that <c>app.UseClinicRequestSignals()</c> sends (Django's <c>request_started</c>,
/// <c>request_finished</c> and <c>got_request_exception</c>). The sender is the <c>HttpContext</c>; receivers
/// registered with <c>services.AddSignalReceiver</c> are resolved from the request's scope.
/// </summary>
public static class RequestSignals
{
    /// <summary>
    /// Sent when the request reaches the middleware, before the rest of the pipeline. A receiver that throws fails the
    /// request (the exception goes to the exception handler further out).
    /// </summary>
    public static Signal<RequestStartedArgs> RequestStarted { get; } = new("RequestStarted");

    /// <summary>
    /// Sent (robustly: receiver exceptions are logged, not thrown) when the rest of the pipeline has returned or
    /// thrown, including after <see cref="GotRequestException"/>.
    /// </summary>
    public static Signal<RequestFinishedArgs> RequestFinished { get; } = new("RequestFinished");

    /// <summary>
    /// Sent (robustly) when the rest of the pipeline throws, before the exception is rethrown. Not sent for a request
    /// aborted by the client (an <see cref="OperationCanceledException"/> while <c>RequestAborted</c> is cancelled).
    /// </summary>
    public static Signal<GotRequestExceptionArgs> GotRequestException { get; } = new("GotRequestException");
}
