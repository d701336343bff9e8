using Clinic.Signals.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the request-signals middleware.</summary>
public static class SignalsApplicationBuilderExtensions
{
    /// <summary>
    /// Sends <see cref="Clinic.Signals.RequestSignals"/> for every request that reaches this point of the pipeline:
    /// started, then finished (and got-request-exception when the rest of the pipeline throws). Put it early, after
    /// forwarded headers and before the exception handler's inner middleware you want covered. Needs
    /// <c>services.AddClinicSignals()</c>.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same application builder.</returns>
    public static IApplicationBuilder UseClinicRequestSignals(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetService(typeof(SignalsMetrics)) is null)
        {
            throw new InvalidOperationException("UseClinicRequestSignals needs services.AddClinicSignals() at start-up.");
        }

        return app.UseMiddleware<RequestSignalsMiddleware>();
    }
}
